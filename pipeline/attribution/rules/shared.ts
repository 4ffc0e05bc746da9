/**
 * What the attribution rules share: the candidate they return, the context
 * they read (the cue lexicon and the source typer, built once when the plugin
 * is attached), and the token helpers they read clauses with: complements,
 * objects, time adjuncts, subjects, cue verbs.
 */

import type {CueLexicon} from '../lexicon.ts'
import type {SourceTyper} from '../source.ts'
import {closingQuotes, isBreak, isCapitalised, isComma, isQuote, openingQuotes, type Token} from '../tokens.ts'

/** Longest source or subject, in tokens; a longer one is a misreading. */
export const maxSourceTokens = 14

/**
 * Every rule, first the one that wins when two find the same cue; the annotation schema lists the same names.
 * Rules in order of trust: a later rule may not claim a cue inside an earlier rule's spans.
 * "participle" ("…, he said, adding that …") is found last, from the sources of the others.
 */
export const rulePriority = ['according-to', 'survey', 'postposed', 'participial', 'preposed', 'passive', 'nominal', 'colon', 'asked', 'raising', 'hearsay', 'participle'] as const
export type Rule = (typeof rulePriority)[number]

/** Tokens from one index to another, both included. */
export interface Range {
  from: number
  to: number
}

/** What a rule found, by token indices: the driver arbitrates between candidates and turns the kept ones into attributions. */
export interface Candidate {
  rule: Rule
  cue: {from: number; to: number}
  source: {from: number; to: number; end?: number} | null
  content: Array<{from: number; to: number}>
}

/** What the rules read besides the tokens: built once, when the plugin is attached. */
export interface RuleContext {
  readonly lexicon: CueLexicon
  readonly typer: SourceTyper
}

/**
 * The start of a name opening the sentence, before appositives separated by
 * commas that end at `segment` (the first word after a comma): "Willie Minor,
 * an actor in Dallas, who runs …". Undefined when the sentence does not open so.
 */
export function appositiveChain(context: RuleContext, tokens: Token[], segment: number): number | undefined {
  const {nounMarkers, prepositions, skippable, timeWords, boundaries, discourseMarkers} = context.lexicon
  const {typer} = context
  const opening = contentStart(context, tokens, 0)
  const first = tokens[segment]
  if (!first?.word || typer.isPronoun(first) || (isCapitalised(first) && !nounMarkers.has(first.lower) && !/^\d/u.test(first.text))) return undefined
  let comma = segment - 1
  for (let hops = 0; hops < 4; hops++) {
    let start = comma
    while (start > opening && !isBreak(tokens[start - 1]) && !isQuote(tokens[start - 1])) start--
    const words = tokens.slice(start, comma)
    if (words.length === 0 || words.some((token) => !token.word && !/^[/&.-]$/u.test(token.text))) return undefined
    if (start === opening) {
      // The name: a few capitalised words ("Gov. Phil Bryant"), none of them a verb.
      const name = words[0]!.lower
      if (words.length > 6 || typer.isPronoun(words[0]!) || skippable.has(name) || name.endsWith('ly') || prepositions.has(name) || timeWords.has(name)) return undefined
      if (discourseMarkers.match(tokens, start) !== undefined) return undefined
      if (words.some((token, index) => (token.word && !isCapitalised(token)) || isVerbCue(context, tokens, start + index) || boundaries.has(token.lower))) return undefined
      return start
    }
    if (!isComma(tokens[start - 1]) || words.some((token, index) => isVerbCue(context, tokens, start + index))) return undefined
    comma = start - 1
  }
  return undefined
}

/** Words opening an appositive or relative clause after a name: "…, the president of …", "…, who …". */
export function appositiveOpener(context: RuleContext, token: Token | undefined): boolean {
  const {nounMarkers, appositiveTitles} = context.lexicon
  if (!token?.word) return false
  return nounMarkers.has(token.lower) || appositiveTitles.has(token.lower) || /^(?:who|whose|which)$/u.test(token.lower) || /^\d/u.test(token.text) || isCapitalised(token)
}

/** "… and said …", "… but said …": a cue verb right after a conjunction, sharing the subject before it. */
export function coordinatedCue(context: RuleContext, tokens: Token[], index: number): boolean {
  const token = tokens[index]
  const conjunction = tokens[index - 1]?.lower
  return (conjunction === 'and' || conjunction === 'but') && token !== undefined && !token.lower.endsWith('ing') && isVerbCue(context, tokens, index)
}

/**
 * The subject opening a sentence, for a participle after its main clause:
 * a pronoun, a name ("Gov. Mike Pence on Thursday blamed …"), or after a
 * determiner the words up to one that reads as a verb ("The mayor spoke
 * for …"). Null when the sentence opens with none of these.
 */
export function sentenceSubject(context: RuleContext, tokens: Token[], before: number, opening = 0): Range | null {
  const {frames, nounMarkers, subordinators, prepositions, skippable, passive, timeWords, timeModifiers, boundaries} = context.lexicon
  const {typer} = context
  const from = contentStart(context, tokens, opening)
  const first = tokens[from]
  if (!first?.word || from >= before) return null
  // "On Sunday, Mr. Trump …", "Then, he …": an opening adjunct, then the subject after its comma.
  const lower = first.lower
  if (prepositions.has(lower) || skippable.has(lower) || boundaries.has(lower) || subordinators.has(lower) || timeWords.has(lower) || timeModifiers.has(lower)) {
    let comma = from + 1
    while (comma < before && comma - from < 10 && !isBreak(tokens[comma])) comma++
    return isComma(tokens[comma]) && comma + 1 < before ? sentenceSubject(context, tokens, before, comma + 1) : null
  }
  if (typer.isPronoun(first)) return {from, to: from}
  if (!isCapitalised(first) && !(opening > 0 && nounMarkers.has(first.lower))) return null
  const verbLike = (token: Token): boolean =>
    skippable.has(token.lower) || passive.has(token.lower) || frames.has(token.lower) || /(?:ed|[^s]s)$/u.test(token.lower)
  let to = from
  // "The billionaire businessman began …": after a determiner, words up to one that reads as a verb.
  const phrase = nounMarkers.has(first.lower)
  while (to + 1 < before && to - from < 8) {
    const next = tokens[to + 1]!
    if (!next.word) {
      if (/^[/&-]$/u.test(next.text) || next.text === '.') {
        to++
        continue
      }
      break
    }
    if (phrase) {
      // A word before a preposition or an article is the verb: "The mayor spoke for an hour".
      const after = tokens[to + 2]
      const verbBefore = after !== undefined && (prepositions.has(after.lower) || nounMarkers.has(after.lower))
      if (verbLike(next) || verbBefore || prepositions.has(next.lower) || boundaries.has(next.lower)) break
    } else if (next.text === next.lower && !/['’]s$/u.test(next.lower)) {
      break
    }
    to++
  }
  return {from, to}
}

/** "…, adding that …", "…, criticizing the plan": a participle of a cue verb, listed or not. */
export function isAdjunctParticiple(context: RuleContext, tokens: Token[], index: number): boolean {
  const {frames, phrasalPhrases, adjunctParticiples} = context.lexicon
  const lower = tokens[index]?.lower
  if (lower === undefined) return false
  if (adjunctParticiples.has(lower)) return true
  return lower.endsWith('ing') && (frames.has(lower) || phrasalPhrases.match(tokens, index) !== undefined)
}

/**
 * A verb form that reads as a noun: after a determiner, a possessive or an
 * -ing modifier ("his remarks", "the opening statements", "a call"); and
 * "promises", "pledge", "claims" after any lower-case word that is neither
 * a pronoun nor an auxiliary ("recent pledges", "the soybean pledge").
 */
export function readsAsNoun(context: RuleContext, tokens: Token[], index: number): boolean {
  const {frames, nounMarkers, neverNouns, prepositions, nominal, skippable, passive} = context.lexicon
  const {typer} = context
  const previous = tokens[index - 1]
  if (!previous?.word) return false
  // "the said property": after an article even "said" is no verb.
  if (/^(?:the|a|an|this|these|those)$/u.test(previous.lower)) return true
  if (neverNouns.has(tokens[index]!.lower)) return false
  if (nounMarkers.has(previous.lower) || /['’]s$/u.test(previous.lower)) return true
  const nounLike = nominal.has(tokens[index]!.lower) || /[^s]s$/u.test(tokens[index]!.lower)
  if (nounLike && previous.lower.endsWith('ing') && !/^(?:having|being)$/u.test(previous.lower) && !frames.has(previous.lower)) {
    return true
  }
  if (!nominal.has(tokens[index]!.lower) || isCapitalised(previous)) return false
  // "Many voters fear …", "the government hopes …": after a noun for a speaker, a verb form that
  // agrees with it (plural noun and plain form, singular noun and -s form) is the verb, unless a
  // preposition follows ("the campaign promises of both candidates").
  const next = tokens[index + 1]
  const agrees = /[^s]s$/u.test(previous.lower) !== /s$/u.test(tokens[index]!.lower)
  if (typer.isSpeakerNoun(previous) && agrees && next?.word && !prepositions.has(next.lower)) return false
  return !typer.isPronoun(previous) && !skippable.has(previous.lower) && !passive.has(previous.lower)
}

/** A cue verb in lower case that does not read as a noun ("said", not "a report"). */
export function isVerbCue(context: RuleContext, tokens: Token[], index: number): boolean {
  const {frames} = context.lexicon
  const token = tokens[index]!
  return frames.has(token.lower) && token.text === token.lower && !readsAsNoun(context, tokens, index)
}

export function phraseKey(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((token) => token.lower).join(' ')
}

/** "that CLAUSE" (without "that") or "to VERB …" (with "to"), up to the end. */
export function complement(tokens: Token[], from: number, last: number): Range | undefined {
  const token = tokens[from]
  if (token?.lower === 'that') return trim(tokens, from + 1, last)
  if (token?.lower === 'to') return trim(tokens, from, last)
  return undefined
}

export function objectOf(context: RuleContext, tokens: Token[], from: number, last: number): {from: number; to: number} | undefined {
  const {timeWords, objectStops} = context.lexicon
  let to = from
  if (!tokens[from]?.word || objectStops.has(tokens[from]!.lower)) return undefined
  while (to + 1 <= last && !isBreak(tokens[to + 1]) && !objectStops.has(tokens[to + 1]!.lower)) {
    if (tokens[to + 1]!.lower === 'on' && timeWords.has(tokens[to + 2]?.lower ?? '')) break
    to++
  }
  return trim(tokens, from, to)
}

export function skipAudience(context: RuleContext, tokens: Token[], from: number): number {
  const {audiences} = context.lexicon
  let cursor = from
  const audience = audiences.match(tokens, cursor)
  if (audience !== undefined) return audience
  if (tokens[cursor]?.lower === 'the') cursor++
  const start = cursor
  while (isCapitalised(tokens[cursor]) && cursor - start < 6) cursor++
  return cursor > start ? cursor : from
}

export function findThat(tokens: Token[], from: number, last: number): number | undefined {
  for (let index = from; index <= last && index < from + 8; index++) {
    const token = tokens[index]!
    if (token.lower === 'that') return index
    if (isBreak(token) && !isComma(token)) return undefined
  }
  return undefined
}

/**
 * "Trump jokingly said", "Gov. Mike Pence on Thursday said", "Sherman last month wrote":
 * adverbs in -ly and time adjuncts between subject and verb are neither.
 */
export function skipPreverbal(context: RuleContext, tokens: Token[], index: number): number {
  const {lyNouns, timeWords, timeModifiers, boundaries} = context.lexicon
  let cursor = index
  for (;;) {
    const token = tokens[cursor]
    if (!token?.word || cursor === 0) return cursor
    let next = cursor
    if (token.text === token.lower && token.lower.length > 4 && token.lower.endsWith('ly') && !lyNouns.has(token.lower)) {
      next = cursor - 1
    } else if (timeWords.has(token.lower)) {
      next = cursor - 1
      while (next >= 0 && tokens[next]!.word && (timeWords.has(tokens[next]!.lower) || timeModifiers.has(tokens[next]!.lower))) next--
      // "a poll released last week showed": the adjunct belongs to the participle.
      if (next >= 0 && tokens[next]!.text === tokens[next]!.lower && tokens[next]!.lower.endsWith('ed')) return cursor
    }
    // "Reince Priebus, the GOP chairman, on Tuesday said", "Sen. Bernie Sanders (I-Vt.) on
    // Saturday said": the appositive's comma, the parenthesis.
    if (next !== cursor && next > 0 && (isComma(tokens[next]) || tokens[next]!.text === ')')) return next
    // "Sanders, who on Tuesday endorsed Clinton": the relative pronoun is the subject.
    if (next !== cursor && next > 0 && /^(?:who|which)$/u.test(tokens[next]!.lower)) return next
    if (next === cursor || next < 0 || !tokens[next]!.word || boundaries.has(tokens[next]!.lower)) return cursor
    const before = skipAuxLeft(context, tokens, next)
    if (before < 0 || !tokens[before]!.word || boundaries.has(tokens[before]!.lower)) return cursor
    cursor = before
  }
}

/**
 * "Wednesday", "on Monday", "last week": the index after a time adjunct at
 * `from`, when words follow it before `last`; else `from`.
 */
export function skipTime(context: RuleContext, tokens: Token[], from: number, last: number): number {
  const {timeWords, timeModifiers} = context.lexicon
  let cursor = from
  while (cursor <= last && tokens[cursor]!.word && timeModifiers.has(tokens[cursor]!.lower)) cursor++
  if (cursor > last || !timeWords.has(tokens[cursor]!.lower)) return from
  while (cursor <= last && tokens[cursor]!.word && timeWords.has(tokens[cursor]!.lower)) cursor++
  // "posted Friday, Cruz said …": after a comma a new clause may start.
  if (cursor <= last && isBreak(tokens[cursor])) return from
  return cursor < last ? cursor : from
}

export function skipAuxLeft(context: RuleContext, tokens: Token[], index: number): number {
  const {skippable} = context.lexicon
  let cursor = index
  while (cursor >= 0 && tokens[cursor]!.word && skippable.has(tokens[cursor]!.lower)) cursor--
  return cursor
}

/** A source or object running right from `from` to the next mark; the index of its last token. */
export function scanRight(tokens: Token[], from: number): number {
  let to = from - 1
  while (to + 1 < tokens.length && !isBreak(tokens[to + 1]) && !isQuote(tokens[to + 1])) to++
  return to
}

export function contentStart(context: RuleContext, tokens: Token[], from: number): number {
  let cursor = from
  while (cursor < tokens.length && (isQuote(tokens[cursor]) || tokens[cursor]!.text === '(')) cursor++
  return skipDiscourseMarker(context, tokens, cursor, tokens.length - 1)
}

/**
 * Where the subject ending at `end` starts: back over words to a mark, a
 * clause boundary, a cue or a passive auxiliary, past an opening discourse
 * marker; undefined when it would be longer than a source can be.
 */
export function plainSubject(context: RuleContext, tokens: Token[], end: number): number | undefined {
  const {passive, boundaries} = context.lexicon
  let start = end
  while (start > 0) {
    const candidate = tokens[start - 1]!
    if (!candidate.word || boundaries.has(candidate.lower) || isVerbCue(context, tokens, start - 1) || passive.has(candidate.lower)) break
    start--
  }
  start = skipDiscourseMarker(context, tokens, start, end)
  return start > end || end - start + 1 > maxSourceTokens ? undefined : start
}

export function skipDiscourseMarker(context: RuleContext, tokens: Token[], from: number, limit: number): number {
  const {discourseMarkers} = context.lexicon
  const end = discourseMarkers.match(tokens, from)
  if (end === undefined || end > limit) return from
  return isComma(tokens[end]) ? end + 1 : end
}

/** Trim marks (commas, quotes, final stops) from both ends of a range. */
export function trim(tokens: Token[], from: number, to: number): {from: number; to: number} | undefined {
  let start = from
  let end = to
  while (start <= end && (isBreak(tokens[start]) || isQuote(tokens[start]))) start++
  while (end >= start && (isBreak(tokens[end]) || isQuote(tokens[end]))) end--
  if (start > end) return undefined
  return {from: start, to: end}
}

export function isOpening(token: Token | undefined): boolean {
  return token !== undefined && !token.word && openingQuotes.has(token.text)
}

export function lastContentIndex(tokens: Token[]): number {
  let last = tokens.length - 1
  while (last >= 0 && !tokens[last]!.word && (isBreak(tokens[last]) || closingQuotes.has(tokens[last]!.text))) last--
  return last
}

export function pushRange(list: Array<{from: number; to: number}>, range: {from: number; to: number} | undefined): void {
  if (range) list.push(range)
}

/**
 * Most tokens from a verb found in a source to the cue word for both to be
 * one cue ("scrapped plans to", "unleashed a series of tweets early Friday
 * saying"); farther, the verb is another clause's.
 */
const maxVerbToCue = 10

/**
 * A source is a noun phrase or a pronoun, never a clause or a fragment of
 * one. The source a rule found is read again as one, and the candidate
 * returned with its source cut to the noun phrase ("she" of "policies she
 * supported"); cut before a verb, which with what follows it joins the cue
 * ("Maria Lopez | isn’t saying", "He | scrapped plans to", PolNeAR's
 * reading); without a source (the subject of a passive, a participle
 * phrase); or undefined when the cue word is a noun the span modifies
 * ("late-night calls").
 */
export function nounPhraseSource(context: RuleContext, tokens: Token[], candidate: Candidate): Candidate | undefined {
  if (!candidate.source) return candidate
  const {passive, boundaries, messageVerbs, adverbs, lyNouns, skippable, prepositions} = context.lexicon
  const {typer} = context
  const {from, to} = candidate.source
  const last = tokens[to]!
  const participleCue = tokens[candidate.cue.from]!.lower.endsWith('ing')
  // "late-night calls came in": a compound modifier alone is no source; the cue word is the noun it modifies.
  if (from === to && /^\p{Ll}+(?:-\p{Ll}+)+$/u.test(last.text) && !last.lower.endsWith('s')) return undefined
  // "Following a call", "enact a plan": a determiner ends no noun phrase; the cue word is its noun.
  // A name before it (and its preposition) is the source: "when Fiorina a month later announced".
  if (to > from && last.text === last.lower && typer.isDeterminer(last) && !isQuote(tokens[to + 1])) {
    const before = prepositions.has(tokens[to - 1]!.lower) ? to - 2 : to - 1
    const name = before >= from && before > contentStart(context, tokens, 0) && isCapitalised(tokens[before])
    return name ? nounPhraseSource(context, tokens, {...candidate, source: {from, to: before}}) : undefined
  }

  if (endsInPronoun(from, to)) return withSource(to, to)
  let start = from
  // "with experts offering …", "With Democratic leaders worried about …": the absolute phrase's subject.
  if (tokens[start]!.lower === 'with' && start < to) start++
  // "is seizing on remarks …", "replacing it with …": a participle phrase is no noun phrase. Before a
  // verb of its own, the noun phrase after it is the subject ("… meddling the congressman said").
  const first = tokens[start]!
  const next = tokens[start + 1]
  const afterBe = passive.has(tokens[start - 1]?.lower ?? '')
  if (first.text === first.lower && first.lower.length > 4 && first.lower.endsWith('ing') && next !== undefined && start < to) {
    const takesObject = typer.isDeterminer(next) || typer.isPronoun(next)
    if (afterBe || (takesObject && (participleCue || !typer.isDeterminer(next)))) return {...candidate, source: null}
    if (takesObject) start++
  }
  // "She released a statement Friday saying …": the message verb joins the cue when the attribution
  // is made, and the words before it are the source ("On Monday they | published a list saying").
  const message = tokens.findIndex((token, index) => index > start && index <= to && messageVerbs.has(token.lower))
  if (participleCue && message !== -1) return withSource(endsInPronoun(start, message - 1) ? message - 1 : start, to)
  const verb = verbIn(start, to)
  if (verb === undefined) return withSource(start, to)
  // "It’s …": the pronoun is the subject, its contracted auxiliary the verb.
  const contractedVerb = verb === start
  const subject = contractedVerb ? {from: start, to: start} : trim(tokens, start, verb - 1)
  // "…, according to him, the network censured his report", "He was challenged …, saying …": a
  // source away from its cue ends before the verb.
  const beforeCue = to < candidate.cue.from && tokens.slice(to + 1, candidate.cue.from).every(isVerbal)
  if (!beforeCue) return subject ? withSource(subject.from, subject.to) : {...candidate, source: null}
  // "they support Sanders and 160 have not announced …": the cue's subject follows the conjunction;
  // "Obama lectured the nation and defended …": the verbs share the subject before them.
  for (let index = to; index > verb; index--) {
    if (!/^(?:and|but)$/u.test(tokens[index]!.lower)) continue
    if (index === to) return subject ? withSource(subject.from, subject.to) : {...candidate, source: null}
    return nounPhraseSource(context, tokens, {...candidate, source: {from: index + 1, to}})
  }
  // "The bill did something Republicans wanted", "the sort of change the party warned about": a
  // noun phrase ending the clause's object is the subject of a relative clause with the cue.
  const relativeSubject = finalNounPhrase(verb + 1, to)
  if (relativeSubject !== undefined) return withSource(relativeSubject, to)
  const cue = {...candidate.cue, from: contractedVerb ? verb + 1 : verb}
  // "He was once asked", "the side could be expected to": the subject of a passive is not who speaks
  // (but the one of a state is: "Maher was still focused on", "leaders were worried about").
  const verbal = tokens.slice(verb, to + 1)
  const passiveVoice = !participleCue && candidate.cue.to === candidate.cue.from && verbal.some((token) => passive.has(token.lower))
  if (passiveVoice && verbal.every(isVerbal)) return {...candidate, cue, source: null}
  // Far from the cue word, the verb is another clause's, whose subject says nothing.
  if (candidate.cue.from - verb > maxVerbToCue || !subject) return {...candidate, source: null}
  return {...candidate, cue, source: sourceRange(subject.from, subject.to)}

  /**
   * "policies she supported", "On Monday they published": a pronoun ends no longer noun phrase, but
   * in a partitive, a coordination or a relative clause ("many of you", "my siblings and I").
   */
  function endsInPronoun(spanFrom: number, spanTo: number): boolean {
    const final = tokens[spanTo]!
    if (spanTo <= spanFrom || !(typer.isPronoun(final) || typer.contractedPronounEnd(final) !== undefined)) return false
    const relative = tokens.slice(spanFrom, spanTo).some((token) => boundaries.has(token.lower))
    return !/^(?:of|and|or)$/u.test(tokens[spanTo - 1]!.lower) && !relative && !isVerbCue(context, tokens, spanTo - 1)
  }

  /**
   * Where a noun phrase starts that ends the span and follows a noun of the span ("something
   * Republicans", "the best friend Donald J. Trump", "change the party", "an agenda a President
   * Clinton"): a run of capitalised words or a determiner's phrase, after a word that is no
   * preposition, conjunction or determiner.
   */
  function finalNounPhrase(spanFrom: number, spanTo: number): number | undefined {
    let start = spanTo
    if (isCapitalised(tokens[spanTo])) {
      // "Donald J. Trump": an initial's stop belongs to the name.
      const inName = (index: number): boolean => isCapitalised(tokens[index]) || (tokens[index]!.text === '.' && isCapitalised(tokens[index - 1]))
      while (start > spanFrom && inName(start - 1)) start--
    } else {
      while (start > spanFrom && spanTo - start < 3 && !typer.isDeterminer(tokens[start]!)) start--
      if (!typer.isDeterminer(tokens[start]!)) return undefined
    }
    if (isCapitalised(tokens[start]) && typer.isDeterminer(tokens[start - 1]) && start - 1 > spanFrom) start--
    const before = tokens[start - 1]
    if (start <= spanFrom || !before?.word || before.text !== before.lower) return undefined
    if (prepositions.has(before.lower) || typer.isDeterminer(before) || /^(?:and|or|of)$/u.test(before.lower) || isVerbal(before)) return undefined
    return start
  }

  function withSource(sourceFrom: number, sourceTo: number): Candidate {
    if (sourceFrom === from && sourceTo === to && typer.contractedPronounEnd(tokens[to]!) === undefined) return candidate
    return {...candidate, source: sourceRange(sourceFrom, sourceTo)}
  }

  /** "you're" is "you": the span ends before a pronoun's contracted auxiliary; "Trump’s" keeps the rule's end. */
  function sourceRange(sourceFrom: number, sourceTo: number): {from: number; to: number; end?: number} {
    const end = typer.contractedPronounEnd(tokens[sourceTo]!) ?? (sourceTo === to ? candidate.source!.end : undefined)
    return end === undefined ? {from: sourceFrom, to: sourceTo} : {from: sourceFrom, to: sourceTo, end}
  }

  function isAdverb(token: Token): boolean {
    return adverbs.has(token.lower) || (token.lower.endsWith('ly') && !lyNouns.has(token.lower))
  }

  function isVerbal(token: Token): boolean {
    return token.word && token.text === token.lower && (skippable.has(token.lower) || passive.has(token.lower) || isAdverb(token))
  }

  /**
   * The verb of a clause in the span from `spanFrom` to `spanTo`: after a pronoun opening it ("they
   * made plans"), an auxiliary ("Trump did not unveil", "Lopez isn’t"), or a word in -ed before a
   * determiner ("Sanders unleashed a series"). None in a relative clause ("officials who have seen
   * the memo", "the editor I was talking to") or a headline in capitals.
   */
  function verbIn(spanFrom: number, spanTo: number): number | undefined {
    const {auxiliaries, timeWords} = context.lexicon
    const words = tokens.slice(spanFrom, spanTo + 1).filter((token) => token.word)
    if (words.length > 1 && words.filter((token) => isCapitalised(token)).length >= words.length * 0.75) return undefined
    const opening = tokens[spanFrom]!
    const second = tokens[spanFrom + 1]
    // "It’s a plan …": the contracted auxiliary is the verb.
    if (typer.contractedPronounEnd(opening) !== undefined && spanTo > spanFrom) return spanFrom
    if (typer.isPronoun(opening) && spanTo > spanFrom && second?.word && second.text === second.lower && !typer.isPronounCompanion(second) && !isAdverb(second)) {
      return spanFrom + 1
    }
    for (let index = spanFrom + 1; index <= spanTo; index++) {
      const token = tokens[index]!
      // "Carole Taylor, the minister at the time the tax was introduced": an appositive may hold a clause.
      if (boundaries.has(token.lower) || typer.isPronoun(token) || isComma(token)) return undefined
      if (!token.word || token.text !== token.lower) continue
      if (auxiliaries.has(token.lower) || passive.has(token.lower)) return index
      // "unleashed a series", but "a poll released this week".
      const following = tokens[index + 1]
      if (index < spanTo && token.lower.endsWith('ed') && typer.isDeterminer(following) && !timeWords.has(tokens[index + 2]?.lower ?? '')) return index
    }
    return undefined
  }
}
