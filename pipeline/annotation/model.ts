// One-shot hash(): a third of createHash()'s cost on short strings, and ids are hashed per sentence.
import {hash} from 'node:crypto'
import path from 'node:path'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {RangeLookup} from '../ranges.ts'
import {fileLocation, textView} from '../text.ts'
import type {ClaimType} from '../claims/index.ts'
import type {Quantity} from '../claims/quantities.ts'
import type {FurnitureKind, SourceType, Span} from '../types.ts'

export const reviewStatuses = [
  'unreviewed',
  'verified',
  'disputed',
  'false',
  'misleading',
  'unverifiable',
  'not-a-claim'
] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/** An attribution the tool missed, written by a reviewer as plain text. */
export interface AddedAttribution {
  source: string
  cue: string
  content: string
  note: string
}

/** What reviewers write about a sentence. The tool only ever sets `needsRecheck` and `previousText`. */
export interface Review {
  status: ReviewStatus
  reviewer: string
  date: string
  note: string
  evidence: string[]
  /** Ids of the tool's attributions in this sentence that the reviewer marks wrong. */
  rejected: string[]
  /** Attributions the tool missed. */
  added: AddedAttribution[]
  /** Set by the tool when the sentence changed under the review, or a rejected attribution is gone. */
  needsRecheck: boolean
  /** The sentence's text when it was reviewed, kept by the tool when the text changed. */
  previousText: string | null
}

/** A review whose sentence is gone from the article, kept so nothing a reviewer wrote is lost. */
export interface ObsoleteReview {
  id: string
  text: string
  review: Review
}

export function defaultReview(): Review {
  return {
    status: 'unreviewed',
    reviewer: '',
    date: '',
    note: '',
    evidence: [],
    rejected: [],
    added: [],
    needsRecheck: false,
    previousText: null
  }
}

/** Has anyone (reviewer or tool) written anything in this review? */
export function isReviewed(review: Review): boolean {
  return (
    review.status !== 'unreviewed' ||
    review.reviewer !== '' ||
    review.date !== '' ||
    review.note !== '' ||
    review.evidence.length > 0 ||
    review.rejected.length > 0 ||
    review.added.length > 0 ||
    review.needsRecheck ||
    review.previousText !== null
  )
}

export interface Point {
  line: number
  column: number
  offset: number
}

export interface SourceAnnotation extends Span {
  type: SourceType
  anonymous: boolean
  basis: Span | null
  /** Pronoun sources only: the person named earlier the pronoun most likely is, or null. */
  refersTo?: Span | null
}

export interface ContentAnnotation extends Span {
  /** Further spans when the attribution interrupts its content. */
  more?: Span[]
}

export interface AttributionAnnotation {
  id: string
  /** The rule that proposed it, or `model` when only the attribution tagger found it. */
  rule: string
  /** The tagger's probability (0–1) that the cue is one; absent when the tagger did not run. */
  confidence?: number
  source: SourceAnnotation | null
  cue: Span
  content: ContentAnnotation
}

export type SentenceKind = 'body' | 'dateline' | 'heading' | 'furniture'

export interface SentenceAnnotation {
  id: string
  kind: SentenceKind
  furniture?: FurnitureKind
  text: string
  start: Point
  end: Point
  attributions: AttributionAnnotation[]
  claim: ClaimAnnotation
  review: Review
}

/** How check-worthy a sentence is, and what in it to check. */
export interface ClaimAnnotation {
  score: number
  types: ClaimType[]
  reasons: string[]
  quantities: Quantity[]
  hedges: Span[]
}

export interface Annotation {
  article: {
    path: string
    sha256: string
    dateline: Span | null
    /** The HTML document's <title>, when it has one. */
    title?: Span
  }
  counts: {
    sentences: number
    body: number
    furniture: number
    attributions: number
    anonymous: number
    claims: number
    quantities: number
    hedges: number
  }
  sentences: SentenceAnnotation[]
  /** Reviews of sentences no longer in the article. */
  obsolete: ObsoleteReview[]
}

/**
 * What a merge needs of the annotation already on disk: every sentence's id
 * and text (to find where a review goes), the reviews, and the obsolete
 * ones. An Annotation is one; the cache keeps this much so that an
 * annotation nobody edited since it was written is not parsed again.
 */
export interface PreviousReviews {
  sentences: Array<{id: string; text: string; review: Review}>
  obsolete: ObsoleteReview[]
}

declare module 'vfile' {
  interface DataMap {
    annotation: Annotation
    /** The reviews already on disk for this article, read and checked, if any: they are kept. */
    previousAnnotation: PreviousReviews
  }
}

/** The part of an annotation a later merge needs, compact: default reviews are left out. */
export function reviewState(annotation: PreviousReviews): {sentences: Array<[string, string, Review | null]>; obsolete: ObsoleteReview[]} {
  return {
    sentences: annotation.sentences.map((sentence) => [sentence.id, sentence.text, isReviewed(sentence.review) ? sentence.review : null]),
    obsolete: annotation.obsolete
  }
}

export function fromReviewState(state: {sentences: Array<[string, string, Review | null]>; obsolete: ObsoleteReview[]}): PreviousReviews {
  return {
    sentences: state.sentences.map(([id, text, review]) => ({id, text, review: review ?? defaultReview()})),
    obsolete: state.obsolete
  }
}

/** The path written into an annotation: relative to the working folder, with forward slashes. */
export function articlePath(file: VFile): string {
  if (!file.path) return '<stdin>'
  const relative = path.relative(file.cwd, path.resolve(file.cwd, file.path))
  return relative.split(path.sep).join('/')
}

/** Gather the tree and every plugin's findings on `file.data` into one annotation. */
export function buildAnnotation(tree: Root, file: VFile): Annotation {
  const text = String(file.value)
  const view = textView(tree, file)
  const place = fileLocation(file)
  const point = (offset: number): Point => {
    const {line, column} = place.toPoint(offset) ?? {line: 1, column: 1}
    return {line, column, offset}
  }
  const claims = new Map((file.data.claims ?? []).map((claim) => [claim.sentence, claim]))
  const furniture = new RangeLookup(file.data.furniture ?? [])
  const headings = new RangeLookup(file.data.headings ?? [])
  const dateline = file.data.dateline
  const bySentence = new Map<number, NonNullable<VFile['data']['attributions']>>()
  for (const attribution of file.data.attributions ?? []) {
    const list = bySentence.get(attribution.sentence) ?? []
    list.push(attribution)
    bySentence.set(attribution.sentence, list)
  }

  const sentences: SentenceAnnotation[] = []
  const seen = new Map<string, number>()
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      const start = sentence.position.start.offset!
      const end = sentence.position.end.offset!
      const sentenceText = view.slice(start, end)
      const id = sentenceId(sentenceText, seen)
      const range = furniture.find(start)
      const kind: SentenceKind =
        dateline && dateline.sentence.start === start ? 'dateline' : headings.find(start) ? 'heading' : range ? 'furniture' : 'body'
      const annotation: SentenceAnnotation = {
        id,
        kind,
        text: sentenceText,
        start: point(start),
        end: point(end),
        attributions: (bySentence.get(start) ?? []).map((attribution) => {
          const [first, ...more] = attribution.content
          const content: ContentAnnotation = {...first!}
          if (more.length > 0) content.more = more
          return {
            id: attributionId(sentenceText, attribution.cue.start - start, attribution.cue.text),
            rule: attribution.rule,
            ...(attribution.confidence === undefined ? {} : {confidence: attribution.confidence}),
            source: attribution.source,
            cue: attribution.cue,
            content
          }
        }),
        claim: claimOf(claims.get(start), kind),
        review: defaultReview()
      }
      if (range) annotation.furniture = range.kind
      sentences.push(annotation)
    }
  }

  const attributions = sentences.flatMap((sentence) => sentence.attributions)
  return {
    article: {
      path: articlePath(file),
      sha256: hash('sha256', text, 'hex'),
      dateline: dateline ? {text: dateline.text, start: dateline.start, end: dateline.end} : null,
      ...(file.data.title ? {title: file.data.title} : {})
    },
    counts: {
      sentences: sentences.length,
      body: sentences.filter((sentence) => sentence.kind === 'body').length,
      furniture: sentences.filter((sentence) => sentence.kind === 'furniture').length,
      attributions: attributions.length,
      anonymous: attributions.filter((attribution) => attribution.source?.anonymous).length,
      claims: sentences.filter((sentence) => sentence.claim.score >= 0.5).length,
      quantities: sentences.reduce((total, sentence) => total + sentence.claim.quantities.length, 0),
      hedges: sentences.reduce((total, sentence) => total + sentence.claim.hedges.length, 0)
    },
    sentences,
    obsolete: []
  }
}

/** A body sentence's claim as found; anything else (furniture, heading, dateline) is none. */
function claimOf(claim: NonNullable<VFile['data']['claims']>[number] | undefined, kind: SentenceKind): ClaimAnnotation {
  if (!claim || kind !== 'body') return {score: 0, types: ['not-a-claim'], reasons: [kind], quantities: [], hedges: []}
  return {score: claim.score, types: claim.types, reasons: claim.reasons, quantities: claim.quantities, hedges: claim.hedges}
}

/**
 * An attribution's id comes from its sentence and its cue (text and place in
 * the sentence), not its rank, so a reviewer's `rejected` list keeps pointing
 * at the same attribution when the tool finds another one before it.
 */
function attributionId(sentence: string, cueOffset: number, cue: string): string {
  const digest = hash('sha256', `${sentence}\u0000${cueOffset}\u0000${cue}`, 'hex')
  return `a-${digest.slice(0, 8)}`
}

/**
 * Ids come from the sentence's words, so inserting or removing other
 * sentences leaves them alone; a repeated sentence gets `-2`, `-3`, … in
 * document order.
 */
function sentenceId(text: string, seen: Map<string, number>): string {
  // Plain ASCII (most sentences) is already in NFC.
  let normalised = /[^\x00-\x7f]/u.test(text) ? text.normalize('NFC') : text
  // Most sentences have no run of white space, nor any but single spaces, to fold.
  if (/[^\S ]| {2}|^ | $/u.test(normalised)) normalised = normalised.replace(/\s+/gu, ' ').trim()
  const base = `s-${hash('sha256', normalised, 'hex').slice(0, 10)}`
  const count = (seen.get(base) ?? 0) + 1
  seen.set(base, count)
  return count === 1 ? base : `${base}-${count}`
}
