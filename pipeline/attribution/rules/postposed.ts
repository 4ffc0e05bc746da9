/**
 * Postposed cues: the content first, then the source and its verb, in either
 * order, with the appositive variant ("…,” Jeff Weaver, Sanders’ campaign
 * manager, said.").
 *
 *   "“We will win,” the senator said on Monday."
 */

import {isBreak, isCapitalised, isComma, isQuote, type Token} from '../tokens.ts'
import {
  appositiveChain,
  appositiveOpener,
  type Candidate,
  contentStart,
  isAdjunctParticiple,
  isOpening,
  isVerbCue,
  lastContentIndex,
  maxSourceTokens,
  pushRange,
  type Range,
  type RuleContext,
  scanRight,
  skipAudience,
  skipAuxLeft,
  trim
} from './shared.ts'

/** "…, SOURCE said.", "…,” said SOURCE.", "…, SOURCE said on Monday." */
export function postposed(context: RuleContext, tokens: Token[], verb: number, cueEnd: number): Candidate | undefined {
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
