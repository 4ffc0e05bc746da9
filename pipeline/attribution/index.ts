import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {afterEarlierSections, notBody} from '../ranges.ts'
import {endAfter, type FileLocation, fileLocation, startBefore, type TextView, textView} from '../text.ts'
import type {Attribution, Source, Span} from '../types.ts'
import {loadCueLexicon} from './lexicon.ts'
import {accordingTo} from './rules/according-to.ts'
import {askedWithoutSource} from './rules/asked.ts'
import {colon} from './rules/colon.ts'
import {hearsayAdverb} from './rules/hearsay.ts'
import {nominalCue, possessedCue} from './rules/nominal.ts'
import {participial} from './rules/participial.ts'
import {participleAdjuncts} from './rules/participle.ts'
import {passiveAgent} from './rules/passive.ts'
import {postposed} from './rules/postposed.ts'
import {asClause, preposed} from './rules/preposed.ts'
import {raising} from './rules/raising.ts'
import {type Candidate, contentStart, nounPhraseSource, phraseKey, readsAsNoun, type RuleContext, rulePriority} from './rules/shared.ts'
import {inSurvey} from './rules/survey.ts'
import {type QuoteRegion, quoteRegions, regionsWithin} from './quotes.ts'
import {SourceTyper} from './source.ts'
import {isCapitalised, isComma, isQuote, type Token, tokenize} from './tokens.ts'

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
    // Each rule's source is read again as a noun phrase (nounPhraseSource): cut to one, left out, or
    // the candidate dropped when its cue word turns out to be a noun.
    for (const found of candidates) {
      const candidate = nounPhraseSource(context, tokens, found)
      if (candidate) accept(candidate)
    }
    // A participle's content may hold cues taken before it was found ("…, adding that he told …"):
    // they are nested in it, and give way.
    for (const found of participleAdjuncts(context, tokens, accepted)) {
      const candidate = nounPhraseSource(context, tokens, found)
      if (!candidate) continue
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

/** An anonymous source is worth a message: the desk checks that the article says why and how they know. */
export function reportAnonymous(file: VFile, attributions: Attribution[], place: FileLocation): void {
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
