/**
 * A short name opening the sentence, then a colon, then what was said.
 *
 *   "Macron on Twitter: We will not give in to threats."
 */

import {isCapitalised, type Token} from '../tokens.ts'
import {type Candidate, contentStart, lastContentIndex, type RuleContext, trim} from './shared.ts'

/** "Trump on Twitter: …" — a short name, a colon, then content. */
export function colon(context: RuleContext, tokens: Token[], mark: number): Candidate | undefined {
  const {colonNotSources} = context.lexicon
  const opening = contentStart(context, tokens, 0)
  if (mark - opening < 1 || mark - opening > 5) return undefined
  const sourceTokens = tokens.slice(opening, mark)
  if (!sourceTokens.every((token) => token.word) || !isCapitalised(sourceTokens[0])) return undefined
  // "Macron on Twitter:", "Sunak on immigration:": a name, then perhaps where or what about.
  const topic = sourceTokens.findIndex((token) => /^(?:on|in|at|to)$/u.test(token.lower))
  const name = topic === -1 ? sourceTokens : sourceTokens.slice(0, topic)
  if (name.length === 0 || name.length > 4 || !name.every((token) => isCapitalised(token))) return undefined
  // "Note:", "Breaking:", and an interview's "Q:" and "A:" name no source.
  if (colonNotSources.match(tokens, opening) === mark) return undefined
  const content = trim(tokens, mark + 1, lastContentIndex(tokens))
  if (!content || content.to - content.from < 2) return undefined
  // "Kasich: Now or never.": a section heading, not a quotation.
  if (tokens.slice(content.from, content.to + 1).filter((token) => token.word).length < 4) return undefined
  const sourceTo = opening + name.length - 1
  return {rule: 'colon', cue: {from: mark, to: mark}, source: {from: opening, to: sourceTo}, content: [content]}
}
