/**
 * Nominal cues: a noun of speech or stance with its source, by a possessive
 * ("Washington’s complaints that …"), "by" ("claims by the company that …"),
 * or a possessed noun ("his attacks on …").
 *
 *   "Beijing’s insistence that the island is part of its territory has not changed."
 */

import {isCapitalised, type Token} from '../tokens.ts'
import {
  type Candidate,
  complement,
  contentStart,
  lastContentIndex,
  maxSourceTokens,
  objectOf,
  type Range,
  type RuleContext,
  trim
} from './shared.ts'

/** "Washington’s complaints that …", "pledges Beijing has made to …", "claims by the company that …". */
export function nominalCue(context: RuleContext, tokens: Token[], noun: number): Candidate | undefined {
  const {nominalMakers, skippable, boundaries} = context.lexicon
  const last = lastContentIndex(tokens)
  const possessor = tokens[noun - 1]
  if (possessor && possessor.word && /^\p{Lu}.*['’]s$/u.test(possessor.text)) {
    let from = noun - 1
    while (from > 0 && isCapitalised(tokens[from - 1]) && !boundaries.has(tokens[from - 1]!.lower)) from--
    let content = complement(tokens, noun + 1, last)
    if (!content) return undefined
    if (from === contentStart(context, tokens, 0)) content = beforeMainVerb(context, tokens, content)
    return {
      rule: 'nominal',
      cue: {from: noun, to: noun},
      source: {from, to: noun - 1, end: possessor.end - 2},
      content: [content]
    }
  }
  // "pledges Beijing has made to …"
  let cursor = noun + 1
  if (tokens[cursor]?.lower === 'by' || tokens[cursor]?.lower === 'from') {
    const sourceFrom = cursor + 1
    let sourceTo = sourceFrom
    while (sourceTo + 1 <= last && tokens[sourceTo + 1]!.word && !/^(?:that|to)$/u.test(tokens[sourceTo + 1]!.lower)) sourceTo++
    if (!tokens[sourceFrom]?.word || sourceTo - sourceFrom + 1 > maxSourceTokens) return undefined
    const content = complement(tokens, sourceTo + 1, last)
    if (!content) return undefined
    return {rule: 'nominal', cue: {from: noun, to: noun}, source: {from: sourceFrom, to: sourceTo}, content: [content]}
  }
  const sourceFrom = cursor
  while (cursor <= last && isCapitalised(tokens[cursor])) cursor++
  if (cursor === sourceFrom || cursor - sourceFrom > 5) return undefined
  const sourceTo = cursor - 1
  while (cursor <= last && skippable.has(tokens[cursor]!.lower)) cursor++
  if (!tokens[cursor] || !nominalMakers.has(tokens[cursor]!.lower)) return undefined
  const content = complement(tokens, cursor + 1, last)
  if (!content) return undefined
  return {rule: 'nominal', cue: {from: noun, to: noun}, source: {from: sourceFrom, to: sourceTo}, content: [content]}
}

/**
 * "his attacks on Mr. Clinton", "Sanders's criticism of the deal", "her
 * decision to open the borders": a noun of stance or intention after a
 * possessor, who is the source. A phrase ending in a preposition
 * ("attacks on") takes its object as content; a bare noun takes "to …" or
 * "that …".
 */
export function possessedCue(context: RuleContext, tokens: Token[], noun: number): Candidate | undefined {
  const {possessedNouns, possessives, boundaries} = context.lexicon
  const possessor = tokens[noun - 1]
  if (!possessor?.word) return undefined
  const phraseEnd = possessedNouns.match(tokens, noun)!
  let from = noun - 1
  if (possessives.has(possessor.lower)) {
    // "his", "their": the pronoun alone.
  } else if (/^\p{Lu}.*['’]s?$/u.test(possessor.text)) {
    // "Mr. Trump's": the name, its possessive mark included.
    while (from > 0 && isCapitalised(tokens[from - 1]) && !boundaries.has(tokens[from - 1]!.lower) && noun - from < 5) from--
  } else {
    return undefined
  }
  const last = lastContentIndex(tokens)
  let content: Range | undefined
  if (phraseEnd > noun + 1) {
    content = objectOf(context, tokens, phraseEnd, last)
  } else {
    content = complement(tokens, noun + 1, last)
    if (content && from === contentStart(context, tokens, 0)) content = beforeMainVerb(context, tokens, content)
  }
  if (!content) return undefined
  return {rule: 'nominal', cue: {from: noun, to: phraseEnd - 1}, source: {from, to: noun - 1}, content: [content]}
}

/**
 * "Beijing’s insistence that the island is part of its territory has not
 * changed": when the cue phrase is the subject, its clause ends before the
 * last verb group, the main clause's. Verb groups are found by their
 * auxiliaries; with fewer than two, the clause runs to the end.
 */
function beforeMainVerb(context: RuleContext, tokens: Token[], range: {from: number; to: number}): {from: number; to: number} {
  const {auxiliaries, passive} = context.lexicon
  const groups: number[] = []
  for (let index = range.from; index <= range.to; index++) {
    const token = tokens[index]!
    if (!token.word || !(passive.has(token.lower) || auxiliaries.has(token.lower))) continue
    if (index > range.from && groups.at(-1) === index - 1) continue
    groups.push(index)
  }
  if (groups.length < 2) return range
  return trim(tokens, range.from, groups.at(-1)! - 1) ?? range
}
