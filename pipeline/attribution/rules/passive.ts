/**
 * A passive cue with its agent: the agent after "by" is the source.
 *
 *   "The story was first reported by the Boston Globe."
 */

import {isBreak, isQuote, type Token} from '../tokens.ts'
import {
  type Candidate,
  lastContentIndex,
  maxSourceTokens,
  plainSubject,
  pushRange,
  type Range,
  type RuleContext,
  scanRight,
  trim
} from './shared.ts'

/**
 * "Trump has been criticized by some of his rivals for …", "The story was
 * first reported by BuzzFeed": the agent after "by" is the source; the
 * subject, and what follows the agent, the content. The cue runs from the
 * first auxiliary to the participle.
 */
export function passiveAgent(context: RuleContext, tokens: Token[], verb: number, cueEnd: number): Candidate | undefined {
  const {adverbs, skippable, passive} = context.lexicon
  let from = verb
  while (from > 0 && tokens[from - 1]!.word && adverbs.has(tokens[from - 1]!.lower)) from--
  if (!passive.has(tokens[from - 1]?.lower ?? '') || tokens[from - 1]!.lower === 'being') return undefined
  from--
  while (from > 0 && tokens[from - 1]!.word && skippable.has(tokens[from - 1]!.lower)) from--
  const subjectEnd = from - 1
  if (subjectEnd < 0 || !tokens[subjectEnd]!.word) return undefined
  const subjectStart = plainSubject(context, tokens, subjectEnd)
  if (subjectStart === undefined) return undefined
  // "who is reviled by progressives": the relative pronoun is the content, as the text gives it.
  const last = lastContentIndex(tokens)
  const sourceFrom = cueEnd + 2
  if (!tokens[sourceFrom]?.word) return undefined
  let sourceTo = sourceFrom
  while (sourceTo + 1 <= last && !isBreak(tokens[sourceTo + 1]) && !isQuote(tokens[sourceTo + 1]) && !/^(?:for|as|over|after|because|when|while|in|on|at|to|that)$/u.test(tokens[sourceTo + 1]!.lower)) sourceTo++
  if (sourceTo - sourceFrom + 1 > maxSourceTokens) return undefined
  const content: Range[] = [{from: subjectStart, to: subjectEnd}]
  // "… by some of his rivals for failing to …": a reason after the agent is content too.
  if (sourceTo + 1 <= last && /^(?:for|as)$/u.test(tokens[sourceTo + 1]!.lower)) pushRange(content, trim(tokens, sourceTo + 1, scanRight(tokens, sourceTo + 1)))
  return {rule: 'passive', cue: {from, to: cueEnd}, source: {from: sourceFrom, to: sourceTo}, content}
}
