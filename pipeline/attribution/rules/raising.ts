/**
 * Raising and seeming verbs: the subject and its complement are the content;
 * no one is named as source.
 *
 *   "The vote is expected to pass on Thursday."
 */

import {isBreak, isCapitalised, isComma, type Token} from '../tokens.ts'
import {
  type Candidate,
  complement,
  isVerbCue,
  lastContentIndex,
  plainSubject,
  type RuleContext,
  trim
} from './shared.ts'

/**
 * "Trump seemed to acknowledge …", "The vote is expected to pass": the
 * subject and the infinitive are the content; no one is named as source.
 */
export function raising(context: RuleContext, tokens: Token[], verb: number): Candidate | undefined {
  const {subordinators, adverbs, skippable, passive, boundaries} = context.lexicon
  const next = tokens[verb + 1]
  const predicate = next?.lower !== 'to'
  if (predicate && !raisingPredicate(context, tokens, verb)) return undefined
  let from = verb
  if (tokens[verb]!.lower === 'expected') {
    if (!tokens[verb - 1] || !passive.has(tokens[verb - 1]!.lower)) return undefined
    from = verb - 1
  }
  // "may seem", "now seems": auxiliaries and adverbs before the verb are the cue's.
  if (predicate) while (from > 1 && tokens[from - 1]!.word && skippable.has(tokens[from - 1]!.lower)) from--
  // "ready to appear behind closed doors": an infinitive is no report.
  if (predicate && tokens[from - 1]?.lower === 'to') return undefined
  let subjectEnd = from - 1
  while (subjectEnd >= 0 && tokens[subjectEnd]!.word && adverbs.has(tokens[subjectEnd]!.lower)) subjectEnd--
  if (subjectEnd < 0 || !tokens[subjectEnd]!.word) return undefined
  const subjectStart = plainSubject(context, tokens, subjectEnd)
  if (subjectStart === undefined) return undefined
  // "Sanders appeared to dismiss the issue, when he told Clinton …", "… — he told the AP": a
  // clause with a cue of its own, after a comma or a dash, is not part of the complement.
  let last = lastContentIndex(tokens)
  for (let index = verb + 2; index < last; index++) {
    if (isBreak(tokens[index]) && (!isComma(tokens[index]) || subordinators.has(tokens[index + 1]!.lower) || boundaries.has(tokens[index + 1]!.lower))) {
      let cue = false
      for (let ahead = index + 2; ahead <= last && !cue; ahead++) cue = isVerbCue(context, tokens, ahead)
      if (cue) {
        last = index - 1
        break
      }
    }
  }
  // "The team seemed paralyzed, at least for now": a predicate ends at the first mark.
  if (predicate && next!.lower !== 'that') {
    for (let index = verb + 1; index <= last; index++) {
      if (isBreak(tokens[index])) {
        last = index - 1
        break
      }
    }
  }
  const complement = trim(tokens, verb + 1, last)
  if (!complement) return undefined
  // "It appears that …": an empty subject is no part of the content.
  if (predicate && subjectStart === subjectEnd && /^(?:it|there)$/u.test(tokens[subjectStart]!.lower)) {
    return {rule: 'raising', cue: {from, to: verb}, source: null, content: [complement]}
  }
  return {rule: 'raising', cue: {from, to: verb}, source: null, content: [{from: subjectStart, to: subjectEnd}, complement]}
}

/**
 * "Trump's supporters seemed unperturbed", "the team appeared paralyzed", "It
 * appears that …": a seeming verb before a predicate, not before a place or a
 * time ("appeared in court", "appeared on Fox News", "appeared Monday").
 */
function raisingPredicate(context: RuleContext, tokens: Token[], verb: number): boolean {
  const {nounMarkers, prepositions, seemingVerbs, notPredicates, timeWords, boundaries} = context.lexicon
  if (!seemingVerbs.has(tokens[verb]!.lower)) return false
  const next = tokens[verb + 1]
  if (!next?.word || isCapitalised(next)) return false
  if (next.lower === 'that' || next.lower === 'like') return true
  if (prepositions.has(next.lower) || boundaries.has(next.lower) || timeWords.has(next.lower) || nounMarkers.has(next.lower)) return false
  return !notPredicates.has(next.lower)
}
