/**
 * A hearsay adverb ("reportedly"): the clause around the adverb
 * is the content, attributed to no one named.
 *
 *   "The FBI is reportedly making arrangements to interview the aide."
 */

import {isBreak, type Token} from '../tokens.ts'
import {type Candidate, isVerbCue, lastContentIndex, pushRange, type Range, type RuleContext, trim} from './shared.ts'

/**
 * "The FBI is reportedly making arrangements to interview Clinton": the
 * adverb attributes its clause to no one named; the clause, without the
 * adverb, is the content. Not before a cue verb ("reportedly told"), which
 * takes the adverb in.
 */
export function hearsayAdverb(context: RuleContext, tokens: Token[], adverb: number): Candidate | undefined {
  const {skippable, boundaries} = context.lexicon
  let next = adverb + 1
  while (next < tokens.length && tokens[next]!.word && skippable.has(tokens[next]!.lower)) next++
  if (next < tokens.length && isVerbCue(context, tokens, next)) return undefined
  let from = adverb
  while (from > 0 && !isBreak(tokens[from - 1]) && !boundaries.has(tokens[from - 1]!.lower)) from--
  let to = adverb
  const last = lastContentIndex(tokens)
  while (to < last && !isBreak(tokens[to + 1])) to++
  const content: Range[] = []
  pushRange(content, trim(tokens, from, adverb - 1))
  pushRange(content, trim(tokens, adverb + 1, to))
  if (content.length === 0) return undefined
  return {rule: 'hearsay', cue: {from: adverb, to: adverb}, source: null, content}
}
