import type {
  AddedAttribution,
  Annotation,
  AttributionAnnotation,
  ObsoleteReview,
  PreviousReviews,
  Review
} from '../annotation/model.ts'
import {isReviewed} from '../annotation/model.ts'

/** A moved review needs at least this much in common with its new sentence (0–1). */
const moveThreshold = 0.5

/**
 * Carry everything reviewers wrote in `previous` over to `fresh`, the
 * annotation just computed from the article:
 *
 * - a review stays with its sentence id when the sentence is still there;
 * - when the sentence's text changed, the review moves to the best-matching
 *   new sentence (its words, the sentences around it, its place), marked
 *   `needs_recheck`, with the text it was written for in `previous_text`;
 * - when no sentence matches, the review goes to `obsolete` with its last
 *   text; an obsolete review comes back when its sentence does;
 * - a rejected attribution id that is no longer in the sentence marks the
 *   review `needs_recheck` (the id is kept);
 * - a tool attribution matching one a reviewer `added` (same cue, and the
 *   same source or content) is left out, so a correction is never doubled.
 *
 * Nothing reviewed is dropped: every review of `previous` ends up in exactly
 * one place of the result. Unreviewed sentences simply follow the article.
 */
export function mergeReviews(fresh: Annotation, previous: PreviousReviews | undefined): Annotation {
  if (!previous) return fresh
  const sentences = fresh.sentences.map((sentence) => ({...sentence, review: {...sentence.review}}))
  const byId = new Map(sentences.map((sentence, index) => [sentence.id, index]))
  const taken = new Set<number>()
  const obsolete: ObsoleteReview[] = []
  const place = (index: number, review: Review): void => {
    sentences[index]!.review = review
    taken.add(index)
  }

  // Copies of one sentence are numbered in order (s-…, s-…-2): when their number changes, the
  // numbers no longer say which copy is which, so their reviews are placed by context instead.
  const copies = (list: Array<{id: string}>): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const item of list) counts.set(baseId(item.id), (counts.get(baseId(item.id)) ?? 0) + 1)
    return counts
  }
  const before = copies(previous.sentences)
  const after = copies(sentences)
  const renumbered = (id: string): boolean => (before.get(baseId(id)) ?? 0) !== (after.get(baseId(id)) ?? 0)

  const movers: Array<{id: string; text: string; review: Review; oldIndex: number}> = []
  previous.sentences.forEach((sentence, oldIndex) => {
    if (!isReviewed(sentence.review)) return
    const index = byId.get(sentence.id)
    if (index !== undefined && !taken.has(index) && !renumbered(sentence.id)) place(index, sentence.review)
    else movers.push({id: sentence.id, text: sentence.text, review: sentence.review, oldIndex})
  })
  for (const item of previous.obsolete) {
    const index = byId.get(item.id)
    if (index !== undefined && !taken.has(index)) place(index, item.review)
    else obsolete.push(item)
  }

  // The closest pairs first, so one review does not take the sentence that fits another better
  // (two copies of one sentence, say).
  const pairs = movers.flatMap((mover, moverIndex) =>
    candidates(mover, previous.sentences, sentences, taken).map(({index, score}) => ({moverIndex, index, score}))
  )
  pairs.sort((a, b) => b.score - a.score || a.moverIndex - b.moverIndex || a.index - b.index)
  const moved = new Set<number>()
  for (const {moverIndex, index} of pairs) {
    if (moved.has(moverIndex) || taken.has(index)) continue
    moved.add(moverIndex)
    const mover = movers[moverIndex]!
    const previousText = mover.review.previousText ?? mover.text
    // Edited back to the text it was written for: nothing left to recheck.
    const back = previousText === sentences[index]!.text
    place(index, {...mover.review, needsRecheck: !back, previousText: back ? null : previousText})
  }
  movers.forEach((mover, moverIndex) => {
    // Kept under the id and text it last had, so it comes back if that sentence does; the text
    // it was first written for stays in its previous_text.
    if (!moved.has(moverIndex)) obsolete.push({id: mover.id, text: mover.text, review: mover.review})
  })

  for (const sentence of sentences) {
    const review = sentence.review
    // A rejected id no longer found means the tool changed under the reviewer: look again.
    if (review.rejected.some((id) => !sentence.attributions.some((attribution) => attribution.id === id))) {
      sentence.review = {...review, needsRecheck: true}
    }
    // An attribution a reviewer added by hand is not written again when the tool learns to find
    // it; one the reviewer rejected stays, marked by its id.
    if (review.added.length > 0) {
      sentence.attributions = sentence.attributions.filter(
        (attribution) => review.rejected.includes(attribution.id) || !review.added.some((added) => sameAttribution(added, attribution))
      )
    }
  }
  const attributions = sentences.flatMap((sentence) => sentence.attributions)
  const counts = {
    ...fresh.counts,
    attributions: attributions.length,
    anonymous: attributions.filter((attribution) => attribution.source?.anonymous).length
  }
  return {...fresh, counts, sentences, obsolete}
}

/** A sentence id without its copy number: s-0123456789-2 → s-0123456789. */
function baseId(id: string): string {
  return id.replace(/-\d+$/u, '')
}

/** The same cue and the same content (one holding the other): the tool found what the reviewer added. */
function sameAttribution(added: AddedAttribution, attribution: AttributionAnnotation): boolean {
  const fold = (text: string): string => text.toLowerCase().replace(/\s+/gu, ' ').trim()
  if (fold(added.cue) !== fold(attribution.cue.text)) return false
  const content = fold([attribution.content.text, ...(attribution.content.more ?? []).map((part) => part.text)].join(' '))
  const wanted = fold(added.content)
  return wanted.length > 0 && (content === wanted || content.includes(wanted) || wanted.includes(content))
}

/** The sentences a moved review could go to, with how well each fits (words, neighbours, place). */
function candidates(
  mover: {text: string; oldIndex: number},
  oldSentences: PreviousReviews['sentences'],
  sentences: Annotation['sentences'],
  taken: Set<number>
): Array<{index: number; score: number}> {
  const before = oldSentences[mover.oldIndex - 1]?.text ?? ''
  const after = oldSentences[mover.oldIndex + 1]?.text ?? ''
  const relative = oldSentences.length > 1 ? mover.oldIndex / (oldSentences.length - 1) : 0
  const found: Array<{index: number; score: number}> = []
  sentences.forEach((sentence, index) => {
    if (taken.has(index)) return
    const text = similarity(mover.text, sentence.text)
    if (text < moveThreshold) return
    const context = (similarity(before, sentences[index - 1]?.text ?? '') + similarity(after, sentences[index + 1]?.text ?? '')) / 2
    const position = 1 - Math.abs(relative - (sentences.length > 1 ? index / (sentences.length - 1) : 0))
    found.push({index, score: 0.7 * text + 0.2 * context + 0.1 * position})
  })
  return found
}

/** Dice coefficient of the two texts' word bags (lower case), 0–1. */
export function similarity(a: string, b: string): number {
  const words = (text: string): Map<string, number> => {
    const bag = new Map<string, number>()
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1)
    return bag
  }
  const left = words(a)
  const right = words(b)
  let shared = 0
  let total = 0
  for (const count of left.values()) total += count
  for (const count of right.values()) total += count
  if (total === 0) return a === b ? 1 : 0
  for (const [word, count] of left) shared += Math.min(count, right.get(word) ?? 0)
  return (2 * shared) / total
}
