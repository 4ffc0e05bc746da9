/**
 * A participle of a cue verb opening the sentence, its source the subject
 * after the comma.
 *
 *   "Denying the report, the ministry said it had never met the envoy."
 */

import {isBreak, isComma, type Token} from '../tokens.ts'
import {type Candidate, contentStart, type RuleContext, trim} from './shared.ts'

/** "Having denied those allegations, Chinese officials …", "Denying the report, the ministry …". */
export function participial(context: RuleContext, tokens: Token[], verb: number): Candidate | undefined {
  const {frames, skippable, passive} = context.lexicon
  const opening = contentStart(context, tokens, 0)
  const first = tokens[opening]
  let cue = verb
  if (first?.lower === 'having' && verb === opening + 1) cue = verb
  else if (!(verb === opening && tokens[verb]!.lower.endsWith('ing'))) return undefined
  let comma = verb + 1
  while (comma < tokens.length && !isBreak(tokens[comma])) comma++
  if (!isComma(tokens[comma]) || comma === verb + 1) return undefined
  const content = trim(tokens, verb + 1, comma - 1)
  const subjectStart = comma + 1
  let subjectEnd = subjectStart - 1
  while (
    subjectEnd + 1 < tokens.length &&
    tokens[subjectEnd + 1]!.word &&
    !skippable.has(tokens[subjectEnd + 1]!.lower) &&
    !passive.has(tokens[subjectEnd + 1]!.lower) &&
    !frames.has(tokens[subjectEnd + 1]!.lower) &&
    subjectEnd - subjectStart < 6
  ) {
    subjectEnd++
  }
  if (!content || subjectEnd < subjectStart) return undefined
  const stop = tokens[subjectEnd + 1]
  if (!stop || !(skippable.has(stop.lower) || passive.has(stop.lower) || frames.has(stop.lower))) return undefined
  return {rule: 'participial', cue: {from: cue, to: cue}, source: {from: subjectStart, to: subjectEnd}, content: [content]}
}
