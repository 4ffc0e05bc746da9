/**
 * "Asked …": a question put to the source, attributed to no one in the text.
 *
 *   "Asked whether he would run again, the governor laughed."
 */

import {isBreak, type Token} from '../tokens.ts'
import {type Candidate, contentStart, lastContentIndex, type RuleContext, trim} from './shared.ts'

/**
 * "Asked if he was ever bullied, the candidate said …", "… said when asked
 * whether …": the question is attributed to no one in the text.
 */
export function askedWithoutSource(context: RuleContext, tokens: Token[], verb: number): Candidate | undefined {
  const {questionWords, timeWords, timeModifiers} = context.lexicon
  const previous = tokens[verb - 1]
  const opening = verb === contentStart(context, tokens, 0)
  if (!opening && !(previous && /^(?:when|if|after|once|being|was|were)$/u.test(previous.lower))) return undefined
  // "Asked on Monday whether …", "Asked Tuesday about …": a time adjunct may come first.
  let after = verb + 1
  while (after < verb + 4 && tokens[after]?.word && (timeWords.has(tokens[after]!.lower) || timeModifiers.has(tokens[after]!.lower))) after++
  const next = tokens[after]
  if (!next || !(questionWords.has(next.lower) || next.lower === 'about' || next.lower === 'by')) return undefined
  let end = verb + 1
  while (end + 1 <= lastContentIndex(tokens) && !isBreak(tokens[end + 1])) end++
  const content = trim(tokens, after, end)
  if (!content) return undefined
  const from = previous && /^(?:was|were|being)$/u.test(previous.lower) ? verb - 1 : verb
  return {rule: 'asked', cue: {from, to: verb}, source: null, content: [content]}
}
