/**
 * Participles and coordinated cue verbs after an attribution, sharing its
 * source; found last, from the attributions the other rules kept.
 *
 *   "The bill is dead, he said, adding that the vote would not be held."
 */

import {isComma, isQuote, type Token} from '../tokens.ts'
import {
  type Candidate,
  coordinatedCue,
  isAdjunctParticiple,
  lastContentIndex,
  objectOf,
  phraseKey,
  type Range,
  type RuleContext,
  sentenceSubject,
  skipAudience,
  skipTime,
  trim
} from './shared.ts'

/**
 * "…, he said, adding that …", "Podesta said … and said …": the participle
 * or the coordinated verb shares the source of the attribution before it.
 */
export function participleAdjuncts(context: RuleContext, tokens: Token[], accepted: Candidate[]): Candidate[] {
  const {frames, clauseObjectForms, phrasalFrames, phrasalPhrases} = context.lexicon
  const found: Candidate[] = []
  const last = lastContentIndex(tokens)
  for (let index = 1; index < last; index++) {
    // '… on “Morning Joe,” adding …': the comma may stand inside a closing quote.
    const participle = (isComma(tokens[index - 1]) || (isQuote(tokens[index - 1]) && isComma(tokens[index - 2]))) && isAdjunctParticiple(context, tokens, index)
    if (!participle && !coordinatedCue(context, tokens, index)) continue
    const owner = accepted.filter((candidate) => candidate.source && candidate.cue.to < index).at(-1)
    // "Carly Fiorina endorsed Ted Cruz on Wednesday, saying …": with no cue before it, the
    // participle's source is the sentence's subject, or none when that is not plain.
    const source = owner?.source ?? (participle && accepted.every((candidate) => candidate.cue.to >= index) ? sentenceSubject(context, tokens, index) : undefined)
    if (source === undefined) continue
    // "…, referring to …": a phrasal cue keeps its particle.
    const phrasalEnd = phrasalPhrases.match(tokens, index)
    const cueEnd = phrasalEnd === undefined ? index : phrasalEnd - 1
    let from = skipTime(context, tokens, cueEnd + 1, last)
    const frame = phrasalEnd === undefined ? frames.get(tokens[index]!.lower) : phrasalFrames.get(phraseKey(tokens, index, phrasalEnd))
    if (frame === 'tell') from = skipTime(context, tokens, skipAudience(context, tokens, from), last)
    let content: Range | undefined
    if (tokens[from]?.lower === 'that') content = trim(tokens, from + 1, last)
    else if (frame === 'object' || clauseObjectForms.has(tokens[index]!.lower)) content = objectOf(context, tokens, from, last)
    else content = trim(tokens, from, last)
    if (!content) continue
    found.push({rule: 'participle', cue: {from: index, to: cueEnd}, source, content: [content]})
  }
  return found
}
