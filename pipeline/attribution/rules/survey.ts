/**
 * A survey opening the sentence is the source of what the sentence reports.
 *
 *   "In a CNN poll released Monday, Clinton led by 8 points."
 */

import {isComma, type Token} from '../tokens.ts'
import {
  type Candidate,
  contentStart,
  isVerbCue,
  lastContentIndex,
  maxSourceTokens,
  type RuleContext,
  scanRight,
  trim
} from './shared.ts'

/** "In a CNN poll released Monday, Clinton led by 8 points": the poll is the source of the figures. */
export function inSurvey(context: RuleContext, tokens: Token[], from: number): Candidate | undefined {
  const {surveys, surveyDetails, boundaries} = context.lexicon
  if (from !== contentStart(context, tokens, 0)) return undefined
  let sourceEnd = scanRight(tokens, from + 1)
  if (sourceEnd <= from || sourceEnd - from > maxSourceTokens || !isComma(tokens[sourceEnd + 1])) return undefined
  let noun: number | undefined
  for (let index = from + 1; index <= sourceEnd && noun === undefined; index++) {
    const token = tokens[index]!
    if (surveys.has(token.lower)) noun = index
    else if (boundaries.has(token.lower) || isVerbCue(context, tokens, index)) return undefined
  }
  if (noun === undefined) return undefined
  // "In the latest polls, he doesn't": the survey runs on only through how it was made ("released
  // Monday", "of likely voters"); "In polls about the war he has argued …" is no attribution.
  if (noun < sourceEnd && !surveyDetails.has(tokens[noun + 1]!.lower)) return undefined
  const content = trim(tokens, sourceEnd + 2, lastContentIndex(tokens))
  if (!content || content.to - content.from < 2) return undefined
  return {rule: 'survey', cue: {from, to: from}, source: {from: from + 1, to: sourceEnd}, content: [content]}
}
