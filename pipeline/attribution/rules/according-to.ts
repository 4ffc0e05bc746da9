/**
 * The "according to" family: a phrase of `source-follows` ("according to",
 * "as reported by") with the source right after it.
 *
 *   "Job openings fell in March, according to the Labor Department."
 */

import {isComma, isQuote, type Token} from '../tokens.ts'
import {
  appositiveOpener,
  type Candidate,
  contentStart,
  lastContentIndex,
  maxSourceTokens,
  pushRange,
  type RuleContext,
  scanRight,
  trim
} from './shared.ts'

/** "…, according to SOURCE", "According to SOURCE, …", "…, citing SOURCE". */
export function accordingTo(context: RuleContext, tokens: Token[], from: number, phraseEnd: number): Candidate | undefined {
  const {notASource} = context.lexicon
  if (notASource.match(tokens, phraseEnd) !== undefined) return undefined
  const sourceEnd = scanRight(tokens, phraseEnd)
  if (sourceEnd < phraseEnd || sourceEnd - phraseEnd + 1 > maxSourceTokens + 6) return undefined
  const source = {from: phraseEnd, to: sourceEnd}
  // "…, according to Brian Wieser, an analyst at Pivotal Research Group.": an appositive running
  // to the end of the sentence is the source's.
  const last = lastContentIndex(tokens)
  const opener = tokens[sourceEnd + 2]
  if (from > contentStart(context, tokens, 0) && isComma(tokens[sourceEnd + 1]) && opener && !/^(?:who|whose|which)$/u.test(opener.lower) && !/^\d/u.test(opener.text) && appositiveOpener(context, opener)) {
    let end = sourceEnd + 2
    while (end + 1 <= last && !isQuote(tokens[end + 1]) && tokens[end + 1]!.text !== ';' && end - phraseEnd < 30) end++
    if (end === last) {
      const source = {from: phraseEnd, to: end}
      const content: Array<{from: number; to: number}> = []
      pushRange(content, trim(tokens, contentStart(context, tokens, 0), from - 1))
      if (content.length === 0) return undefined
      return {rule: 'according-to', cue: {from, to: phraseEnd - 1}, source, content}
    }
  }
  const cue = {from, to: phraseEnd - 1}
  const opening = contentStart(context, tokens, 0)
  const content: Array<{from: number; to: number}> = []
  if (from <= opening) {
    pushRange(content, trim(tokens, sourceEnd + 1, tokens.length - 1))
  } else {
    pushRange(content, trim(tokens, opening, from - 1))
    pushRange(content, trim(tokens, sourceEnd + 1, tokens.length - 1))
  }
  if (content.length === 0) return undefined
  return {rule: 'according-to', cue, source, content}
}
