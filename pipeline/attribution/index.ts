import type {Paragraph, Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {afterEarlierSections, notBody} from '../ranges.ts'
import {endAfter, type FileLocation, fileLocation, startBefore, type TextView, textView} from '../text.ts'
import type {Attribution, Source, Span} from '../types.ts'
import {type Frame, loadCueLexicon} from './lexicon.ts'
import {accordingTo} from './rules/according-to.ts'
import {askedWithoutSource} from './rules/asked.ts'
import {colon} from './rules/colon.ts'
import {hearsayAdverb} from './rules/hearsay.ts'
import {nominalCue, possessedCue} from './rules/nominal.ts'
import {participial} from './rules/participial.ts'
import {passiveAgent} from './rules/passive.ts'
import {raising} from './rules/raising.ts'
import {
  appositiveChain,
  appositiveOpener,
  type Candidate,
  contentStart,
  coordinatedCue,
  findThat,
  isAdjunctParticiple,
  isOpening,
  isVerbCue,
  lastContentIndex,
  maxSourceTokens,
  objectOf,
  phraseKey,
  pushRange,
  type Range,
  readsAsNoun,
  type RuleContext,
  rulePriority,
  scanRight,
  sentenceSubject,
  skipAudience,
  skipAuxLeft,
  skipDiscourseMarker,
  skipPreverbal,
  skipTime,
  trim
} from './rules/shared.ts'
import {inSurvey} from './rules/survey.ts'
import {SourceTyper} from './source.ts'
import {isBreak, isCapitalised, isComma, isQuote, type Token, tokenize} from './tokens.ts'

export {rulePriority} from './rules/shared.ts'

/**
 * Sentences of more tokens are read this many at a time (PolNeAR's longest,
 * in train and dev, has 281): one sentence of 8,000 cues (176 KB) took 5 s
 * read whole and takes 0.4 s in stretches.
 */
const maxSentenceTokens = 400

/**
 * Finds attributions in every body sentence: who (source) says (cue) what
 * (content), with offsets into the file, on `file.data.attributions`.
 * Sentences inside `file.data.furniture` or the dateline are skipped.
 */
export default function retextAttribution(): Transformer<Root> {
  const lexicon = loadCueLexicon()
  const {frames, phrasalFrames, phrasalPhrases, raisingVerbs, sourceFollows, nominal, possessedNouns, skippable, timeWords, messageVerbs, hearsay, notCues} = lexicon
  const typer = new SourceTyper(new URL('./data/sources.yml', import.meta.url))
  const context: RuleContext = {lexicon, typer}
  /**
   * Every word at which a rule of findInTokens' word loop can fire: most words are none, and are
   * passed over with this one lookup instead of one per rule.
   */
  const ruleWords = new Set<string>([
    ...sourceFollows.firstWords(),
    ...phrasalPhrases.firstWords(),
    ...frames.keys(),
    ...nominal,
    ...possessedNouns.firstWords(),
    'in',
    'asked',
    ...raisingVerbs,
    ...hearsay
  ])

  return function (tree, file) {
    // Span texts come from the text view (plain text, also of Markdown or HTML); quote marks are
    // found in the file's own characters.
    const text = textView(tree, file)
    const raw = file.value === undefined ? toString(tree) : String(file.value)
    const skipped = notBody(file)
    const attributions: Attribution[] = []
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const quotes = quoteRegions(paragraph, raw)
      let previous: Attribution | undefined
      let coveredUntil = -1
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode' || !sentence.position) continue
        const start = sentence.position.start.offset!
        const end = sentence.position.end.offset!
        if (skipped.find(start)) continue
        if (start < coveredUntil) continue
        const found = findInSentence(sentence, text, quotes)
        for (const attribution of found) {
          extendAcrossQuotes(attribution, quotes, text, end)
          attributions.push(attribution)
          coveredUntil = Math.max(coveredUntil, ...attribution.content.map((span) => span.end))
        }
        let continued = false
        if (found.length === 0 && previous) {
          const part = continuedQuote(previous, quotes, start, text)
          if (part) {
            previous.content.push(part)
            coveredUntil = part.end
            continued = true
          }
        }
        if (found.length > 0) previous = found.at(-1)
        else if (!continued) previous = undefined
      }
    }
    // A long article runs a section at a time: what earlier sections found stays.
    const sectionStart = file.data.section?.start ?? 0
    file.data.attributions = afterEarlierSections(file.data.attributions, sectionStart, attributions, (attribution) => attribution.sentence)
    const place = fileLocation(file)
    // A message is an Error; its stack trace, captured for every anonymous source, would cost more
    // than finding the attributions, and points into this plugin, not the article.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      reportAnonymous(file, attributions, place)
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
  }

  function reportAnonymous(file: VFile, attributions: Attribution[], place: FileLocation): void {
    for (const attribution of attributions) {
      const source = attribution.source
      if (source?.anonymous) {
        const basis = source.basis ? ` (basis: “${source.basis.text}”)` : ' (no basis given)'
        const message = file.info(`Anonymous source “${source.text}”${basis}`, {
          place: {start: place.toPoint(source.start)!, end: place.toPoint(source.end)!},
          ruleId: 'anonymous-source',
          source: 'retext-attribution'
        })
        message.note = 'Check that the article says why this source is unnamed and how they know.'
      }
    }
  }

  function findInSentence(sentence: Sentence, text: TextView, quotes: QuoteRegion[]): Attribution[] {
    const tokens = tokenize(sentence, text)
    const sentenceStart = sentence.position!.start.offset!
    if (tokens.length <= maxSentenceTokens) return findInTokens(tokens, sentenceStart, text, quotes)
    // Each rule may scan the rest of its sentence from every cue: a sentence far longer than any in
    // news (an unpunctuated transcript line) is read in stretches, so its cost stays linear.
    const found: Attribution[] = []
    for (let from = 0; from < tokens.length; from += maxSentenceTokens) {
      found.push(...findInTokens(tokens.slice(from, from + maxSentenceTokens), sentenceStart, text, quotes))
    }
    return found
  }

  function findInTokens(tokens: Token[], sentenceStart: number, text: TextView, quotes: QuoteRegion[]): Attribution[] {
    // PolNeAR-style: what is quoted is content, never a cue of its own.
    // The paragraph's quotes that reach into these tokens: a paragraph can be a whole long line.
    const near = regionsWithin(quotes, tokens[0]?.start ?? sentenceStart, tokens.at(-1)?.end ?? sentenceStart)
    const quoted = (token: Token): boolean => near.some((region) => token.start > region.start && token.end < region.end)
    const opening = contentStart(context, tokens, 0)
    // Whether the sentence reads as a headline: asked only of a capitalised cue word, so counted then.
    let headline: boolean | undefined
    const candidates: Candidate[] = []
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (token.word ? !ruleWords.has(token.lower) : token.text !== ':') continue
      if (near.length > 0 && quoted(token)) continue
      if (!token.word) {
        pushDefined(candidates, colon(context, tokens, index))
        continue
      }
      const phraseEnd = sourceFollows.match(tokens, index)
      if (phraseEnd !== undefined) pushDefined(candidates, accordingTo(context, tokens, index, phraseEnd))
      // Verbs count in lower case only ("the United States" is no "states"), or opening the sentence.
      // In a headline ("Christie Says He Would Order a Quarantine") a capitalised verb counts too.
      if (token.text !== token.lower && index !== opening && !((headline ??= isHeadline(tokens)) && isCapitalised(tokens[index - 1]))) continue
      const phrasalEnd = phrasalPhrases.match(tokens, index)
      const cueEnd = phrasalEnd === undefined ? index : phrasalEnd - 1
      const frame = phrasalEnd === undefined ? frames.get(token.lower) : phrasalFrames.get(phraseKey(tokens, index, phrasalEnd))
      if (frame && !readsAsNoun(context, tokens, index) && notCues.match(tokens, index) === undefined) {
        const postposedCandidate = postposed(context, tokens, index, cueEnd) ?? asClause(context, tokens, index, cueEnd)
        if (postposedCandidate) candidates.push(postposedCandidate)
        else pushDefined(candidates, preposed(context, tokens, index, frame, cueEnd))
        pushDefined(candidates, participial(context, tokens, index))
        if (tokens[cueEnd + 1]?.lower === 'by') pushDefined(candidates, passiveAgent(context, tokens, index, cueEnd))
      }
      if (nominal.has(token.lower)) pushDefined(candidates, nominalCue(context, tokens, index))
      else if (possessedNouns.match(tokens, index) !== undefined) pushDefined(candidates, possessedCue(context, tokens, index))
      if (token.lower === 'in') pushDefined(candidates, inSurvey(context, tokens, index))
      if (token.lower === 'asked') pushDefined(candidates, askedWithoutSource(context, tokens, index))
      if (raisingVerbs.has(token.lower)) pushDefined(candidates, raising(context, tokens, index))
      if (hearsay.has(token.lower)) pushDefined(candidates, hearsayAdverb(context, tokens, index))
    }

    candidates.sort((a, b) => rulePriority.indexOf(a.rule) - rulePriority.indexOf(b.rule) || a.cue.from - b.cue.from)
    const accepted: Candidate[] = []
    const accept = (candidate: Candidate): void => {
      const taken = accepted.some(
        (other) =>
          inside(candidate.cue.from, other.content) ||
          (other.source !== null && inside(candidate.cue.from, [other.source])) ||
          overlaps(other.cue, candidate.cue) ||
          candidate.content.some((range) => inside(other.cue.from, [range]))
      )
      if (!taken) accepted.push(candidate)
    }
    for (const candidate of candidates) accept(candidate)
    // A participle's content may hold cues taken before it was found ("…, adding that he told …"):
    // they are nested in it, and give way.
    for (const candidate of participleAdjuncts(context, tokens, accepted)) {
      for (let index = accepted.length - 1; index >= 0; index--) {
        const other = accepted[index]!
        // "… and called …" found without a source gives way to the same cue sharing one.
        const sourceless = other.source === null && other.rule === 'preposed' && other.cue.from === candidate.cue.from
        if (sourceless || inside(other.cue.from, candidate.content)) accepted.splice(index, 1)
      }
      accept(candidate)
    }
    accepted.sort((a, b) => a.cue.from - b.cue.from)
    return accepted.map((candidate) => toAttribution(candidate, tokens, text, sentenceStart))
  }

  function toAttribution(candidate: Candidate, tokens: Token[], text: TextView, sentence: number): Attribution {
    // The cue takes in the auxiliaries, adverbs and negation before its verb: "has also said".
    let cueFrom = candidate.cue.from
    // "She released a statement Wednesday saying …": the message verb, its object and the
    // participle are the cue; the subject before them alone is the source.
    if (candidate.rule === 'preposed' && candidate.source && tokens[cueFrom]!.lower.endsWith('ing')) {
      const {from, to} = candidate.source
      for (let index = from + 1; index <= to && to - index < 10; index++) {
        if (!messageVerbs.has(tokens[index]!.text) || isQuote(tokens[index - 1])) continue
        if (tokens.slice(index, cueFrom).some((token) => isQuote(token))) break
        let end = index - 1
        while (end > from && (isComma(tokens[end]) || timeWords.has(tokens[end]!.lower) || tokens[end]!.lower === 'on')) end--
        if (!tokens[end]!.word) break
        candidate = {...candidate, source: {...candidate.source, to: end}}
        cueFrom = index
        break
      }
    }
    if (candidate.rule === 'postposed' || candidate.rule === 'preposed') {
      const owned = [...candidate.content, ...(candidate.source ? [candidate.source] : [])]
      while (cueFrom > 0 && tokens[cueFrom - 1]!.word && skippable.has(tokens[cueFrom - 1]!.lower) && !inside(cueFrom - 1, owned)) {
        cueFrom--
      }
    }
    const cue = spanOf(tokens, cueFrom, candidate.cue.to, text)
    let source: Source | null = null
    if (candidate.source) {
      const {from, to, end} = candidate.source
      source = typer.type(tokens.slice(from, to + 1), text, end)
    }
    const content = candidate.content.map((range) => spanOf(tokens, range.from, range.to, text))
    return {sentence, rule: candidate.rule, source, cue, content}
  }
}

/** "…, SOURCE said.", "…,” said SOURCE.", "…, SOURCE said on Monday." */
function postposed(context: RuleContext, tokens: Token[], verb: number, cueEnd: number): Candidate | undefined {
  const {frames, adjunctParticiples, inverting, nounMarkers, auxiliaries, passive, boundaries, adjunctStarters} = context.lexicon
  const {typer} = context
  const last = lastContentIndex(tokens)
  if (cueEnd > last) return undefined
  const beforeVerb = skipAuxLeft(context, tokens, verb - 1)
  if (beforeVerb < 0) return undefined
  // '… on "Morning Joe," adding …': a participle after a comma is the participle rule's.
  if (tokens[verb]!.lower.endsWith('ing') && isAdjunctParticiple(context, tokens, verb) && (isComma(tokens[verb - 1]) || isQuote(tokens[verb - 1]))) return undefined
  // "…, six were appointed by …": a passive is the passive rule's.
  if (passive.has(tokens[beforeVerb]!.lower) && !tokens[verb]!.lower.endsWith('ing') && tokens[cueEnd + 1]?.lower === 'by') return undefined
  const inverted = isComma(tokens[beforeVerb]) || isQuote(tokens[beforeVerb])
  let continuation: Range | undefined
  // "…, she told reporters on Thursday.": the audience is neither source nor content.
  let after = frames.get(tokens[verb]!.lower) === 'tell' ? skipAudience(context, tokens, cueEnd + 1) : cueEnd + 1
  // '“Why?” Obama asked Republican lawmakers.': a few plain words ending the sentence are the audience.
  if (frames.get(tokens[verb]!.lower) === 'tell' && after > cueEnd + 1 && after <= last && last - after < 2) {
    if (tokens.slice(after, last + 1).every((token) => token.word && !frames.has(token.lower) && !adjunctStarters.has(token.lower))) after = last + 1
  }
  if (after <= last) {
    if (isComma(tokens[after])) {
      const next = tokens[after + 1]
      if (next && (adjunctParticiples.has(next.lower) || next.lower.endsWith('ing'))) {
        // "…, he said, adding that …" is an attribution of its own; "…, she said, showing off
        // the hat" describes the source.
      } else if (next && (frames.has(next.lower) || /^(?:according|who|which|as)$/u.test(next.lower))) {
        return undefined
      } else {
        continuation = trim(tokens, after + 1, last)
      }
    } else if (!inverted && !isShortAdjunct(context, tokens, after, last)) {
      // "…,” Eric Trump wrote in an email on Monday, adding …": a short adjunct, then a participle.
      let comma = after
      while (comma <= last && !isBreak(tokens[comma])) comma++
      if (!(isComma(tokens[comma]) && isShortAdjunct(context, tokens, after, comma - 1) && isAdjunctParticiple(context, tokens, comma + 1))) return undefined
    }
  }

  const contentOpening = contentStart(context, tokens, 0)
  if (inverted && !(inverting.has(tokens[verb]!.lower) && cueEnd === verb && tokens[verb + 1]?.word && !adjunctStarters.has(tokens[verb + 1]!.lower))) {
    return appositivePostposed(context, tokens, verb, cueEnd, beforeVerb, continuation)
  }
  if (inverted) {
    // "…,” said Mr. Smith, a spokesman." Only speech verbs invert, and the source is a short noun phrase.
    if (!inverting.has(tokens[verb]!.lower) || cueEnd !== verb) return undefined
    const first = tokens[verb + 1]
    const sourceEnd = scanRight(tokens, verb + 1)
    if (!first?.word || sourceEnd < verb + 1 || sourceEnd - verb > 20) return undefined
    // A long source runs on only through a relative clause: "said one former executive who …".
    // Or through a capitalised affiliation: "said Stephen Vladeck of the University of Texas School of Law".
    if (sourceEnd - verb > 8) {
      const relativeAt = tokens.slice(verb + 1, sourceEnd + 1).findIndex((token) => /^(?:who|whose)$/u.test(token.lower))
      if ((relativeAt === -1 || relativeAt > 7) && !affiliated(tokens, verb + 1, sourceEnd)) return undefined
    }
    // "An official, who spoke on condition of anonymity, said …" closes a relative clause: preposed.
    let open = beforeVerb - 1
    while (open > 0 && !isComma(tokens[open]) && !isQuote(tokens[open])) open--
    if (isComma(tokens[open]) && /^(?:who|which|whose)$/u.test(tokens[open + 1]?.lower ?? '')) return undefined
    // "Paul Huntley, a Sanders delegate from California, said he wanted …": so does an appositive
    // after a name opening the sentence.
    if (isComma(tokens[open]) && isComma(tokens[beforeVerb]) && (appositiveChain(context, tokens, open + 1) !== undefined || nameOpening(context, tokens, contentOpening, open - 1))) return undefined
    // "…, said the court's tone had changed" is no inversion: a source has no verb of its own
    // before a relative clause.
    for (let index = verb + 1; index <= sourceEnd && !/^(?:who|whose|which)$/u.test(tokens[index]!.lower); index++) {
      const token = tokens[index]!
      if (token.text === token.lower && (auxiliaries.has(token.lower) || passive.has(token.lower))) return undefined
    }
    // "said former Secretary of State Hillary Clinton": a title in lower case before a name.
    const titled = tokens.slice(verb + 2, Math.min(sourceEnd, verb + 6) + 1).some((token) => isCapitalised(token))
    if (!isCapitalised(first) && !nounMarkers.has(first.lower) && !typer.isPronoun(first) && !titled) return undefined
    if (adjunctStarters.has(first.lower) || first.lower === 'that') return undefined
    const content = trim(tokens, contentOpening, beforeVerb)
    // '"Safety," said Grimm': a quoted single word is content too.
    if (!content || (content.to - content.from < 1 && !(contentOpening > 0 && isQuote(tokens[beforeVerb])))) return undefined
    const ranges: Range[] = [content]
    let fullSource = sourceEnd
    if (sourceEnd + 1 < last && isComma(tokens[sourceEnd + 1]) && isQuote(tokens[sourceEnd + 2])) {
      pushRange(ranges, trim(tokens, sourceEnd + 2, last))
    } else if (
      isComma(tokens[sourceEnd + 1]) &&
      (appositiveOpener(context, tokens[sourceEnd + 2]) ||
        // "said James B. Cunningham, then ambassador to Israel".
        (/^(?:then|now)$/u.test(tokens[sourceEnd + 2]?.text ?? '') && appositiveOpener(context, tokens[sourceEnd + 3]) && !/^(?:who|whose|which)$/u.test(tokens[sourceEnd + 3]?.lower ?? '')) ||
        (/^(?:then|now)$/u.test(tokens[sourceEnd + 2]?.text ?? '') && /^(?:ambassador|governor|senator|mayor|secretary|chief|head|leader|minister)$/u.test(tokens[sourceEnd + 3]?.lower ?? '')))
    ) {
      // "said Javier Palomarez, the president of …": the appositive, to the end, is the source's.
      let end = sourceEnd + 2
      while (end + 1 <= last && !isQuote(tokens[end + 1]) && tokens[end + 1]!.text !== ';' && end - verb < 40) end++
      if (end === last) fullSource = end
    }
    return {rule: 'postposed', cue: {from: verb, to: cueEnd}, source: {from: verb + 1, to: fullSource}, content: ranges}
  }

  // "Reflecting on his career, the senator said, “…”": with no quote before the source and one
  // right after the cue, the quote is what was said (preposed), not the words before.
  if (isComma(tokens[cueEnd + 1]) && isOpening(tokens[cueEnd + 2]) && !tokens.slice(0, beforeVerb).some((token) => isQuote(token))) return undefined
  // "…, the people familiar with the talks said."
  let sourceStart = parenthesisOpen(tokens, beforeVerb) ?? beforeVerb
  for (;;) {
    while (sourceStart > 0 && !isBreak(tokens[sourceStart - 1]) && !isQuote(tokens[sourceStart - 1])) sourceStart--
    // "…,” Rep. Jim McDermott (D-Wash.) said: a short parenthesis is part of the source.
    const open = parenthesisOpen(tokens, sourceStart - 1)
    if (open === undefined || open === 0) break
    sourceStart = open
  }
  if (sourceStart === 0) return undefined
  const boundary = tokens[sourceStart - 1]!
  if (!isComma(boundary) && !isQuote(boundary) && boundary.text !== '—' && boundary.text !== '–') return undefined
  if (beforeVerb - sourceStart + 1 > maxSourceTokens) return undefined
  if (!tokens[sourceStart]!.word) return undefined
  // "…, the candidate said at the rally, and vowed to …": a verb after a conjunction is coordinated.
  if (/^(?:and|but)$/u.test(tokens[sourceStart]!.lower)) return undefined
  for (let index = sourceStart; index <= beforeVerb; index++) {
    const token = tokens[index]!
    if (boundaries.has(token.lower) || isVerbCue(context, tokens, index)) return undefined
  }
  // “…,” Jeff Weaver, Sanders’ campaign manager, said: a name before the appositive is the source's start.
  if (isComma(boundary)) {
    let nameStart = sourceStart - 1
    while (nameStart > 0 && isCapitalised(tokens[nameStart - 1]) && sourceStart - 1 - nameStart < 5) nameStart--
    const before = tokens[nameStart - 1]
    if (nameStart < sourceStart - 1 && (isQuote(before) || isComma(before))) sourceStart = nameStart
  }
  let contentEnd = sourceStart - 1
  while (contentEnd >= 0 && (isComma(tokens[contentEnd]) || isQuote(tokens[contentEnd]) || tokens[contentEnd]!.text === '—')) {
    contentEnd--
  }
  const content = trim(tokens, contentOpening, contentEnd)
  if (!content || content.to - content.from < 1) return undefined
  const ranges: Range[] = [content]
  if (continuation) ranges.push(continuation)
  return {rule: 'postposed', cue: {from: verb, to: cueEnd}, source: {from: sourceStart, to: beforeVerb}, content: ranges}
}

/**
 * "Stephen Vladeck of the University of Texas School of Law": a capitalised
 * name, then "of", "at" or "from" and words all capitalised but for "of",
 * "the", "for", "and".
 */
function affiliated(tokens: Token[], from: number, to: number): boolean {
  let index = from
  while (index <= to && isCapitalised(tokens[index])) index++
  if (index === from || index > to || !/^(?:of|at|from)$/u.test(tokens[index]!.lower)) return false
  for (index++; index <= to; index++) {
    const token = tokens[index]!
    if (!token.word) return false
    if (!isCapitalised(token) && !/^(?:of|the|for|and)$/u.test(token.lower)) return false
  }
  return true
}

/**
 * Whether the tokens from `from` to `to` are a name, perhaps with an
 * affiliation: capitalised words, and of/the/for/and between them ("Gov.
 * John Kasich of Ohio"), at most eight.
 */
function nameOpening(context: RuleContext, tokens: Token[], from: number, to: number): boolean {
  const {discourseMarkers} = context.lexicon
  const {typer} = context
  if (to < from || to - from > 8 || !isCapitalised(tokens[from]) || !isCapitalised(tokens[to])) return false
  if (typer.isPronoun(tokens[from]!) || discourseMarkers.match(tokens, from) !== undefined) return false
  for (let index = from; index <= to; index++) {
    const token = tokens[index]!
    if (!token.word && !/^[.&-]$/u.test(token.text)) return false
    if (token.word && !isCapitalised(token) && !/^(?:of|the|for|and)$/u.test(token.lower)) return false
    if (isVerbCue(context, tokens, index)) return false
  }
  return true
}

/** “…,” Jeff Weaver, Sanders’ campaign manager, said in a statement. */
function appositivePostposed(
  context: RuleContext,
  tokens: Token[],
  verb: number,
  cueEnd: number,
  comma: number,
  continuation: Range | undefined
): Candidate | undefined {
  let open = comma - 1
  while (open > 0 && !isComma(tokens[open]) && !isQuote(tokens[open])) open--
  if (open <= 0 || !isComma(tokens[open]) || comma - open > maxSourceTokens) return undefined
  let nameStart = open - 1
  while (nameStart > 0 && isCapitalised(tokens[nameStart - 1]) && open - nameStart < 5) nameStart--
  if (!isCapitalised(tokens[nameStart]) || nameStart === 0) return undefined
  const before = tokens[nameStart - 1]
  if (!isQuote(before) && !isComma(before)) return undefined
  let contentEnd = nameStart - 1
  while (contentEnd >= 0 && (isComma(tokens[contentEnd]) || isQuote(tokens[contentEnd]))) contentEnd--
  const content = trim(tokens, contentStart(context, tokens, 0), contentEnd)
  if (!content || content.to - content.from < 1) return undefined
  const ranges: Range[] = [content]
  if (continuation) ranges.push(continuation)
  return {rule: 'postposed', cue: {from: verb, to: cueEnd}, source: {from: nameStart, to: comma - 1}, content: ranges}
}

/**
 * "As The Times reported on Saturday, he has emerged as …", "…, as Comey
 * noted, people involved could still be charged": the "as" clause is the
 * attribution, and the rest of the sentence, before and after it, its content.
 */
function asClause(context: RuleContext, tokens: Token[], verb: number, cueEnd: number): Candidate | undefined {
  const {boundaries} = context.lexicon
  const subjectEnd = skipAuxLeft(context, tokens, verb - 1)
  if (subjectEnd < 0 || !tokens[subjectEnd]!.word) return undefined
  let subjectStart = subjectEnd
  while (subjectStart > 0 && subjectEnd - subjectStart < 8) {
    const candidate = tokens[subjectStart - 1]!
    if (!candidate.word || boundaries.has(candidate.lower) || isVerbCue(context, tokens, subjectStart - 1)) break
    subjectStart--
  }
  const as = subjectStart - 1
  if (tokens[as]?.lower !== 'as') return undefined
  const opening = contentStart(context, tokens, 0)
  const before = tokens[as - 1]
  if (as !== opening && !(isComma(before) || before?.text === '—' || before?.text === '(')) return undefined
  const last = lastContentIndex(tokens)
  // The clause runs on through a short adjunct ("reported on Saturday", "told the Daily News").
  let end = cueEnd + 1
  while (end <= last && !isBreak(tokens[end]) && !isQuote(tokens[end])) {
    if (tokens[end]!.lower === 'that' || isVerbCue(context, tokens, end) || end - cueEnd > 8) return undefined
    end++
  }
  const content: Range[] = []
  if (as > opening) pushRange(content, trim(tokens, opening, as - 1))
  if (end < last) pushRange(content, trim(tokens, end + 1, last))
  if (content.length === 0) return undefined
  return {rule: 'preposed', cue: {from: verb, to: cueEnd}, source: {from: subjectStart, to: subjectEnd}, content}
}

/** "SOURCE said (that) …", "SOURCE, who …, praised the pledge", "SOURCE told reporters …". */
function preposed(context: RuleContext, tokens: Token[], verb: number, frame: Frame, cueEnd: number): Candidate | undefined {
  const {frames, clauseObjectForms, needsComplement, parentheticalAdverbs, subordinators, evidenceVerbs, prepositions, questionWords, adverbs, skippable, passive, messageVerbs, boundaries, naming, needsAs} = context.lexicon
  const {typer} = context
  // "voters see Clinton as the stronger candidate": these verbs report a view only with "as".
  const seeAs = needsAs.has(tokens[verb]!.lower)
  if (seeAs) {
    let as = cueEnd + 1
    while (as < tokens.length && as - cueEnd <= 10 && tokens[as]!.word && tokens[as]!.lower !== 'as') as++
    if (tokens[as]?.lower !== 'as' || as === cueEnd + 1) return undefined
  }
  const previous = tokens[verb - 1]
  if (previous && passive.has(previous.lower) && !tokens[verb]!.lower.endsWith('ing')) return undefined
  // "…, saying that …": a participle after a comma is the participle rule's.
  if (isComma(previous) && isAdjunctParticiple(context, tokens, verb)) return undefined
  let subjectEnd = skipPreverbal(context, tokens, skipAuxLeft(context, tokens, verb - 1))
  if (subjectEnd < 0) return undefined
  // "He explained the headline by saying …", "Mrs. Clinton has gone further by proposing …": a
  // gerund after a preposition has the clause's subject for source, or none that is plain.
  // ("published the results by announcing …" keeps its message verb: see toAttribution).
  const gerund =
    tokens[verb]!.lower.endsWith('ing') &&
    prepositions.has(tokens[subjectEnd]!.lower) &&
    !skippable.has(tokens[verb - 1]!.lower) &&
    !tokens.slice(Math.max(0, verb - 10), verb).some((token) => messageVerbs.has(token.text))
  const gerundSubject = gerund ? sentenceSubject(context, tokens, subjectEnd) : null
  // "Sanders stood face-to-face with Clinton and said …": a coordinated verb shares the
  // sentence's subject; without a plain one, the attribution is left to the participle rule.
  let shared: Range | undefined
  if (tokens[subjectEnd]!.lower === 'and' && !tokens[verb]!.lower.endsWith('ing')) {
    // "In Iowa, Trump attacked Cruz and said …": else the subject after the last comma.
    let comma = subjectEnd - 1
    while (comma > 0 && !isComma(tokens[comma]) && !isQuote(tokens[comma])) comma--
    // The nearest clause's subject first: after a subordinator ("when Rubio thanked Miami and
    // said …"), after the last comma, then the sentence's.
    const afterComma = comma > 0 && isComma(tokens[comma]) ? sentenceSubject(context, tokens, subjectEnd, comma + 1) : null
    let subordinator = subjectEnd - 1
    while (subordinator > Math.max(comma, 0) && !subordinators.has(tokens[subordinator]!.lower)) subordinator--
    const afterSubordinator = subordinator > Math.max(comma, 0) ? sentenceSubject(context, tokens, subjectEnd, subordinator + 1) : null
    for (const subject of [afterSubordinator, afterComma, sentenceSubject(context, tokens, subjectEnd)]) {
      const opening = subject ? tokens[subject.from]!.lower : ''
      if (subject && subject.to < subjectEnd - 1 && !boundaries.has(opening) && !skippable.has(opening) && !prepositions.has(opening) && !frames.has(opening)) {
        shared = subject
        break
      }
    }
  }
  // "… “very charming” and called his standing …": a conjunction with no plain subject before it
  // is no source; the attribution is kept without one.
  const bareAnd = tokens[subjectEnd]!.lower === 'and' && !shared
  // A relative clause or an appositive between subject and verb ("Trump, who has
  // campaigned …, praised …") is skipped, unless it says how the source knows
  // ("an official, who spoke on condition of anonymity, said"): then it is part of the source.
  let sourceEnd: number | undefined
  // Whether an appositive or a relative clause was set off by commas before the verb.
  let setOff = false
  // "Murphy, though, said": a parenthetical adverb is neither source nor cue.
  if (isComma(tokens[subjectEnd])) {
    let open = subjectEnd - 1
    while (open > 0 && !isComma(tokens[open])) open--
    if (open > 0 && parentheticalAdverbs.match(tokens, open + 1) === subjectEnd) subjectEnd = open - 1
  }
  if (isComma(tokens[subjectEnd])) {
    let open = subjectEnd - 1
    while (open > 0 && !isComma(tokens[open]) && !isQuote(tokens[open])) open--
    if (open <= 0 || !isComma(tokens[open])) return undefined
    const first = tokens[open + 1]!
    // "Vikram Amar, dean of the law school, said", "John Archer, wearing a T-shirt, said": after
    // a name, an appositive or a participle may open with any word.
    const afterName = isCapitalised(tokens[open - 1]) && first.word && !boundaries.has(first.lower) && !isVerbCue(context, tokens, open + 1)
    if (!/^(?:who|which|whose|whom|a|an|the|one|its|his|her|their)$/u.test(first.lower) && !isCapitalised(first) && !afterName) {
      return undefined
    }
    // An appositive is part of the source ("Erin Brockovich, the environmental activist, said"),
    // a relative clause or a participle only when it gives the basis.
    // "Trump, in Kentucky, said", "Limbaugh, for one, said": a prepositional aside is neither.
    const aside = afterName && prepositions.has(first.lower)
    const relativeClause = /^(?:who|which|whose|whom)$/u.test(first.lower) || (afterName && first.lower.endsWith('ing')) || aside
    if (!relativeClause || typer.basisIndex(tokens.slice(open + 1, subjectEnd)) !== undefined) sourceEnd = subjectEnd - 1
    subjectEnd = open - 1
    setOff = true
  }
  // "Sen. Mitch McConnell (R-Ky.) said": the parenthesis belongs to the source.
  if (tokens[subjectEnd]?.text === ')') {
    let open = subjectEnd - 1
    while (open > 0 && tokens[open]!.text !== '(') open--
    if (open <= 0 || subjectEnd - open > 8) return undefined
    sourceEnd ??= subjectEnd
    subjectEnd = open - 1
  }
  // "Mr. Ekovich, who noted that …": the relative pronoun is the source, as the text gives it.
  const relative = /^(?:who|which)$/u.test(tokens[subjectEnd]?.lower ?? '') && tokens[subjectEnd - 1] !== undefined
  if (!tokens[subjectEnd]?.word || (boundaries.has(tokens[subjectEnd]!.lower) && !relative)) return undefined
  const next = tokens[cueEnd + 1]
  if (
    cueEnd === verb &&
    needsComplement.has(tokens[verb]!.lower) &&
    !(next && (next.lower === 'to' || next.text === ':' || isOpening(next) || questionWords.has(next.lower))) &&
    // 'She added, “We will review all the facts.”', "As the study noted, …".
    !(isComma(next) && (isOpening(tokens[cueEnd + 2]) || tokens[contentStart(context, tokens, 0)]!.lower === 'as')) &&
    findThat(tokens, cueEnd + 1, lastContentIndex(tokens)) === undefined &&
    // "The poll shows Trump far ahead": evidence from a document needs no "that".
    !(evidenceVerbs.has(tokens[verb]!.lower) && documentSubject(context, tokens, subjectEnd))
  ) {
    return undefined
  }
  let subjectStart = subjectEnd
  if (shared) {
    subjectStart = shared.from
    subjectEnd = shared.to
  }
  while (subjectStart > 0 && !relative && !shared) {
    const candidate = tokens[subjectStart - 1]!
    if (!candidate.word) {
      // Marks inside a name: "CNN/ORC", "AT&T".
      if (/^[/&-]$/u.test(candidate.text) && tokens[subjectStart - 2]?.word) {
        subjectStart--
        continue
      }
      break
    }
    if (boundaries.has(candidate.lower) || isVerbCue(context, tokens, subjectStart - 1) || passive.has(candidate.lower)) break
    if (candidate.lower === 'and' && (!isCapitalised(tokens[subjectStart - 2]) || prepositions.has(tokens[subjectStart - 3]?.lower ?? '')) && !nounConjunct(context, tokens, subjectStart - 1)) break
    subjectStart--
  }
  subjectStart = skipDiscourseMarker(context, tokens, subjectStart, subjectEnd)
  // "Jacob Shiansky, 24, who was visiting …, said", "Paul Porter, a truck driver from Ava, Mo.,
  // said": appositives in a row after a name opening the sentence are all the source's.
  if (!relative && !shared && setOff && isComma(tokens[subjectStart - 1])) {
    const start = appositiveChain(context, tokens, subjectStart)
    if (start !== undefined) {
      sourceEnd ??= subjectEnd
      subjectStart = start
      subjectEnd = start
    }
  }
  if (subjectStart > subjectEnd || subjectEnd - subjectStart + 1 > maxSourceTokens) return undefined
  const first = tokens[subjectStart]!
  // "Just 28 percent of voters said": an adverb may open the subject, before a number.
  const adverbFirst = adverbs.has(first.lower) && /^\d/u.test(tokens[subjectStart + 1]?.text ?? '') && subjectStart < subjectEnd
  if ((boundaries.has(first.lower) && !relative) || (skippable.has(first.lower) && !adverbFirst)) return undefined
  // "a company called Cambridge Analytica", "a program called “Quick Question”": a name given, not
  // words said (but "what one aide called “…”" reports them).
  if (naming.has(tokens[verb]!.lower) && !sourceEnd && tokens[subjectStart - 1]?.lower !== 'what') {
    const name = tokens[cueEnd + 1]
    const indefinite = tokens.slice(subjectStart, subjectEnd + 1).some((token) => /^(?:a|an|one)$/u.test(token.lower))
    if (indefinite && (isCapitalised(name) || isOpening(name) || name?.lower === 'the')) return undefined
  }

  let last = lastContentIndex(tokens)
  // A relative clause ("Podesta, who said …, said …") or a fronted subordinate one ("When the
  // moderator pointed out that …, the candidate said …") ends at its comma.
  const opener = tokens[subjectStart - 1]
  // "As the Post's Ishaan Tharoor wrote, “…”": the main clause is what was said.
  const asSaid = opener?.lower === 'as' && isComma(tokens[cueEnd + 1]) && subjectStart - 1 === contentStart(context, tokens, 0)
  if (relative || (opener && subordinators.has(opener.lower) && subjectStart - 1 === contentStart(context, tokens, 0) && !asSaid)) {
    for (let index = cueEnd + 1; index < last; index++) {
      if (isComma(tokens[index])) {
        last = index - 1
        break
      }
    }
  }
  // "…, adding that …", "… and said …" and "…, and others have said …" start attributions of their own.
  for (let index = cueEnd + 1; index < last; index++) {
    if ((isComma(tokens[index]) && isAdjunctParticiple(context, tokens, index + 1)) || coordinatedCue(context, tokens, index + 1)) {
      last = isComma(tokens[index - 1]) ? index - 2 : index - 1
      break
    }
    if (newClauseWithCue(context, tokens, index, last)) {
      last = isComma(tokens[index - 1]) ? index - 2 : index - 1
      break
    }
  }
  // "said Wednesday he agrees …": a time adjunct right after the cue is no content.
  let from = skipTime(context, tokens, cueEnd + 1, last)
  if (isBreak(tokens[from]) && (tokens[from]!.text === ':' || tokens[from]!.text === ',')) from++
  // 'said “not too likely” and 14 percent said …': a quote opening the content closes it.
  if (isOpening(tokens[from])) {
    const closing = closingQuoteIndex(tokens, from)
    if (closing !== undefined && closing < last) last = closing
  }
  let content: Range | undefined
  const that = findThat(tokens, from, last)
  if (seeAs) {
    content = trim(tokens, from, last)
  } else if (frame === 'object' || clauseObjectForms.has(tokens[verb]!.lower)) {
    if (that !== undefined && that === from) content = trim(tokens, that + 1, last)
    // 'what aide Kevin Phillips called “the beginning of a new era”': a quoted object is the content.
    else if (!isOpening(tokens[from])) content = objectOf(context, tokens, from, last)
    else content = trim(tokens, from, last)
  } else if (frame === 'tell') {
    const question = findQuestion(context, tokens, skipAudience(context, tokens, from), last)
    if (that !== undefined) content = trim(tokens, that + 1, last)
    else if (question !== undefined) content = trim(tokens, question, last)
    else content = trim(tokens, skipAudience(context, tokens, from), last)
  } else {
    content = trim(tokens, that === undefined ? from : that + 1, last)
  }
  if (!content) return undefined
  const source = (bareAnd && subjectStart === subjectEnd) || (gerund && !gerundSubject) ? null : (gerundSubject ?? {from: subjectStart, to: sourceEnd ?? subjectEnd})
  return {rule: 'preposed', cue: {from: verb, to: cueEnd}, source, content: [content]}
}

/**
 * "Politicians and even some technologists said", "His campaign and much of the media
 * said": the words from the clause's start to the "and" at `and` read as a noun phrase
 * (a few words, none a verb form), so the conjunction joins two subjects.
 */
function nounConjunct(context: RuleContext, tokens: Token[], and: number): boolean {
  const {frames, prepositions, skippable, passive, boundaries} = context.lexicon
  const {typer} = context
  let start = and
  while (start > 0 && tokens[start - 1]!.word && and - start < 6) start--
  if (start === and || (start > 0 && !isBreak(tokens[start - 1]) && !isQuote(tokens[start - 1]))) return false
  if (start !== contentStart(context, tokens, 0) && !isComma(tokens[start - 1])) return false
  for (let index = start; index < and; index++) {
    const token = tokens[index]!
    if (/(?:ed|ing)$/u.test(token.lower) || skippable.has(token.lower) || passive.has(token.lower) || frames.has(token.lower) || boundaries.has(token.lower)) return false
    if (prepositions.has(token.lower) || typer.isPronoun(token)) return false
  }
  return true
}

/**
 * A subject naming a document, its head anywhere in it: "The poll shows",
 * "a Marquette Law School poll released last week showed".
 */
function documentSubject(context: RuleContext, tokens: Token[], subjectEnd: number): boolean {
  const {boundaries} = context.lexicon
  const {typer} = context
  for (let index = subjectEnd; index >= 0 && subjectEnd - index < maxSourceTokens; index--) {
    const token = tokens[index]!
    if (!token.word || boundaries.has(token.lower) || (index < subjectEnd && isVerbCue(context, tokens, index))) return false
    if (typer.isDocument(token)) return true
  }
  return false
}

/** Index of the mark closing the quote opened at `open`, in the same sentence. */
function closingQuoteIndex(tokens: Token[], open: number): number | undefined {
  const mark = tokens[open]!.text
  const closer = mark === '“' ? '”' : mark === '‘' ? '’' : mark
  for (let index = open + 1; index < tokens.length; index++) {
    if (!tokens[index]!.word && tokens[index]!.text === closer) return index
  }
  return undefined
}

/**
 * "…, and others have said they …", "…; 29 percent said …": a conjunction
 * or semicolon opening a clause whose own subject has a cue verb, outside
 * quotes. Content before it ends there.
 */
function newClauseWithCue(context: RuleContext, tokens: Token[], index: number, last: number): boolean {
  const {boundaries} = context.lexicon
  const token = tokens[index]!
  if (!(token.text === ';' || (token.word && /^(?:and|but|while|whereas)$/u.test(token.lower)))) return false
  // A subject (at least one word) stands between the conjunction and the verb.
  for (let cursor = index + 2; cursor <= Math.min(last, index + 8); cursor++) {
    const candidate = tokens[cursor]!
    if (isBreak(candidate) || isQuote(candidate)) return false
    if (boundaries.has(candidate.lower)) return false
    if (isVerbCue(context, tokens, cursor) && !candidate.lower.endsWith('ing')) return true
  }
  return false
}

/**
 * "…, he said, adding that …", "Podesta said … and said …": the participle
 * or the coordinated verb shares the source of the attribution before it.
 */
function participleAdjuncts(context: RuleContext, tokens: Token[], accepted: Candidate[]): Candidate[] {
  const {frames, clauseObjectForms, phrasalFrames, phrasalPhrases} = context.lexicon
  const found: Candidate[] = []
  const last = lastContentIndex(tokens)
  for (let index = 1; index < last; index++) {
    // '… on “Morning Joe,” adding …': the comma may stand inside a closing quote.
    const participle = (isComma(tokens[index - 1]) || (isQuote(tokens[index - 1]) && isComma(tokens[index - 2]))) && isAdjunctParticiple(context, tokens, index)
    if (!participle && !coordinatedCue(context, tokens, index)) continue
    const owner = accepted.filter((candidate) => candidate.source && candidate.cue.to < index).at(-1)
    // "Carly Fiorina endorsed Ted Cruz on Wednesday, saying …": with no cue before it, the
    // participle's source is the sentence's subject, or none when that is not plain.
    const source = owner?.source ?? (participle && accepted.every((candidate) => candidate.cue.to >= index) ? sentenceSubject(context, tokens, index) : undefined)
    if (source === undefined) continue
    // "…, referring to …": a phrasal cue keeps its particle.
    const phrasalEnd = phrasalPhrases.match(tokens, index)
    const cueEnd = phrasalEnd === undefined ? index : phrasalEnd - 1
    let from = skipTime(context, tokens, cueEnd + 1, last)
    const frame = phrasalEnd === undefined ? frames.get(tokens[index]!.lower) : phrasalFrames.get(phraseKey(tokens, index, phrasalEnd))
    if (frame === 'tell') from = skipTime(context, tokens, skipAudience(context, tokens, from), last)
    let content: Range | undefined
    if (tokens[from]?.lower === 'that') content = trim(tokens, from + 1, last)
    else if (frame === 'object' || clauseObjectForms.has(tokens[index]!.lower)) content = objectOf(context, tokens, from, last)
    else content = trim(tokens, from, last)
    if (!content) continue
    found.push({rule: 'participle', cue: {from: index, to: cueEnd}, source, content: [content]})
  }
  return found
}

/** "asked Clinton on Friday whether …": a question word a few words on, before any mark. */
function findQuestion(context: RuleContext, tokens: Token[], from: number, last: number): number | undefined {
  const {questionWords} = context.lexicon
  for (let index = from; index <= last && index < from + 5; index++) {
    const token = tokens[index]!
    if (!token.word) return undefined
    if (token.lower !== 'that' && questionWords.has(token.lower)) return index
  }
  return undefined
}

function isShortAdjunct(context: RuleContext, tokens: Token[], from: number, last: number): boolean {
  const {frames, adjunctStarters} = context.lexicon
  if (last - from + 1 > 8) return false
  if (!adjunctStarters.has(tokens[from]!.lower)) return false
  for (let index = from; index <= last; index++) {
    const token = tokens[index]!
    if (token.lower === 'that' || frames.has(token.lower) || isQuote(token)) return false
  }
  return true
}

/** A sentence in title case: at least four words, nearly all of them capitalised. */
function isHeadline(tokens: Token[]): boolean {
  let words = 0
  let capitalised = 0
  for (const token of tokens) {
    if (!token.word) continue
    words++
    if (isCapitalised(token)) capitalised++
  }
  return words >= 4 && capitalised >= words * 0.75
}

function pushDefined<T>(list: T[], value: T | undefined): void {
  if (value !== undefined) list.push(value)
}

function spanOf(tokens: Token[], from: number, to: number, text: TextView): Span {
  const start = tokens[from]!.start
  const end = tokens[to]!.end
  return {start, end, text: text.slice(start, end)}
}

function inside(index: number, ranges: Array<{from: number; to: number}>): boolean {
  return ranges.some((range) => index >= range.from && index <= range.to)
}

function overlaps(a: {from: number; to: number}, b: {from: number; to: number}): boolean {
  return a.from <= b.to && b.from <= a.to
}

/** A quoted stretch: `start`/`end` take in the marks, `innerStart`/`innerEnd` leave them out. */
interface QuoteRegion {
  start: number
  end: number
  innerStart: number
  innerEnd: number
}

/**
 * Quoted stretches of a paragraph, by offsets: “curly”, "straight" and
 * ''doubled'' (as some papers print them), from an opening mark to its closing one.
 */
function quoteRegions(paragraph: Paragraph, text: string): QuoteRegion[] {
  const regions: QuoteRegion[] = []
  const start = paragraph.position?.start.offset ?? 0
  const end = paragraph.position?.end.offset ?? 0
  let open: {at: number; length: number; toggle: boolean} | undefined
  for (let index = start; index < end; index++) {
    const char = text[index]!
    const doubled = char === "'" && text[index + 1] === "'"
    if (char === '“' && open === undefined) open = {at: index, length: 1, toggle: false}
    else if (char === '”' && open && !open.toggle) {
      regions.push({start: open.at, end: index + 1, innerStart: open.at + 1, innerEnd: index})
      open = undefined
    } else if (char === '"' && open && !open.toggle && mixedCloser(text, index, end)) {
      // “We’re going to build a wall," he said: a straight mark closes a curly quote when no
      // curly closer follows before the next curly opener.
      regions.push({start: open.at, end: index + 1, innerStart: open.at + 1, innerEnd: index})
      open = undefined
    } else if (char === '"' || doubled) {
      const length = doubled ? 2 : 1
      if (open === undefined) open = {at: index, length, toggle: true}
      else if (open.toggle && open.length === length) {
        regions.push({start: open.at, end: index + length, innerStart: open.at + length, innerEnd: index})
        open = undefined
      }
      index += length - 1
    }
  }
  return regions
}

/** The regions (in order, apart, as quoteRegions makes them) that overlap `from`–`to`. */
function regionsWithin(regions: QuoteRegion[], from: number, to: number): QuoteRegion[] {
  let low = 0
  let high = regions.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (regions[middle]!.end <= from) low = middle + 1
    else high = middle
  }
  let end = low
  while (end < regions.length && regions[end]!.start < to) end++
  return regions.slice(low, end)
}

/** The "(" opening a short parenthesis that closes at `close`, with words inside and a word before it. */
function parenthesisOpen(tokens: Token[], close: number): number | undefined {
  if (tokens[close]?.text !== ')') return undefined
  for (let index = close - 1; index >= Math.max(1, close - 6); index--) {
    const token = tokens[index]!
    if (token.text === '(') return index > close - 2 || !tokens[index - 1]?.word ? undefined : index
    if (!token.word && token.text !== '-' && token.text !== '.' && token.text !== '–') return undefined
  }
  return undefined
}

/** Whether a straight mark at `index` stands where a curly “ left open should close. */
function mixedCloser(text: string, index: number, end: number): boolean {
  if (!/^[\s]?$/u.test(text[index + 1] ?? '') || index + 1 > end) return false
  if (!/[,.!?\w]/u.test(text[index - 1] ?? '')) return false
  const curlyClose = text.indexOf('”', index)
  if (curlyClose === -1 || curlyClose >= end) return true
  const nextOpen = text.indexOf('“', index)
  return nextOpen !== -1 && nextOpen < curlyClose
}

/**
 * “We have a path forward,” Thune told reporters. “It is not perfect. Nobody
 * got everything they wanted.” — a quote that opens the sentence after an
 * attributed one, in the same paragraph, with no cue of its own, continues
 * the same speaker: the whole quote is a further part of its content.
 */
function continuedQuote(previous: Attribution, regions: QuoteRegion[], sentenceStart: number, text: TextView): Span | undefined {
  if (!previous.source) return undefined
  const region = regions.find((item) => item.start === sentenceStart)
  if (!region) return undefined
  const inner = text.slice(region.innerStart, region.innerEnd)
  // '"It is early. We have time," Spicer told CNN.': a quote closing on a comma is attributed
  // by the words after it, not continued from before.
  if (/,\s*$/u.test(inner)) return undefined
  const trimmed = inner.replace(/^\s+/u, '')
  // Offsets from lengths of text: in markup the file holds more than the text (`&amp;`, `*`).
  const start = startBefore(text, region.innerEnd, trimmed.length, region.innerStart)
  const value = trimmed.replace(/[\s,]+$/u, '').replace(/(?<!\b\p{L})\.$/u, '')
  if (value.length === 0) return undefined
  return {start, end: endAfter(text, start, value.length, region.innerEnd), text: value}
}

/** A quote that runs over several sentences belongs whole to the attribution that closes or opens it. */
function extendAcrossQuotes(
  attribution: Attribution,
  regions: QuoteRegion[],
  text: TextView,
  sentenceEnd: number
): void {
  const first = attribution.content[0]
  const last = attribution.content.at(-1)
  if (!first || !last) return
  for (const region of regions) {
    if (region.start < attribution.sentence && region.end > first.start && region.start < first.start) {
      first.start = region.innerStart
      first.text = text.slice(first.start, first.end)
    }
    if (region.end > sentenceEnd && region.start < last.end && region.end > last.end) {
      last.end = region.innerEnd
      last.text = text.slice(last.start, last.end)
      // The quote's own closing stop or comma is not content.
      const trimmed = last.text.replace(/\s+$/u, '').replace(/(?<!\b\p{L})[.,]$/u, '')
      last.end = endAfter(text, last.start, trimmed.length, last.end)
      last.text = trimmed
    }
  }
}
