import {readFile} from 'node:fs/promises'
import type {Annotation, Review} from '../annotation/model.ts'
import {defaultReview, isReviewed, reviewStatuses} from '../annotation/model.ts'
import {emitAnnotation} from '../annotation/emit.ts'
import {schemaReference} from '../annotation/emit.ts'
import {type Task, annotators, prepareFor, runTask} from '../cli/task.ts'
import {writeAtomic} from '../cli/write.ts'
import {readAnnotation} from '../review/read.ts'
import type {Folders} from './files.ts'

/** The fields of a review a person writes, in the order the YAML has them. */
export const reviewFields = ['status', 'reviewer', 'date', 'note', 'evidence', 'rejected', 'added', 'needsRecheck', 'previousText'] as const
export type ReviewField = (typeof reviewFields)[number]

/** A field both the page and the file changed, each its own way, since the page was loaded. */
export interface Conflict {
  field: ReviewField
  yours: unknown
  onDisk: unknown
}

export type SaveResult =
  | {saved: Review; path: string; merged: ReviewField[]}
  | {conflicts: Conflict[]; onDisk: Review}
  | {problem: string; status: number}

/** What the page sends: the review as it loaded it, and as the reviewer left it. */
export interface SaveRequest {
  /** The annotation, relative to the annotations folder. */
  path: string
  sentence: string
  base: Review
  review: Review
}

/** Who saves, and when: filled into a changed review that leaves them empty. */
export interface Signature {
  reviewer: string
  today: string
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * Merge one field three ways: what the page loaded (`base`), what it sends
 * (`yours`), what the file holds now (`onDisk`). One side unchanged takes
 * the other's value; both changed alike agree; both changed otherwise is a
 * conflict.
 */
export function mergeReview(base: Review, yours: Review, onDisk: Review): {review: Review; conflicts: Conflict[]; merged: ReviewField[]} {
  const review = {...onDisk}
  const conflicts: Conflict[] = []
  const merged: ReviewField[] = []
  for (const field of reviewFields) {
    const mine = yours[field]
    const theirs = onDisk[field]
    if (same(mine, base[field]) || same(mine, theirs)) continue
    if (same(theirs, base[field])) {
      ;(review as Record<ReviewField, unknown>)[field] = mine
      merged.push(field)
    } else conflicts.push({field, yours: mine, onDisk: theirs})
  }
  return {review, conflicts, merged}
}

/** Is this what a review looks like (the page is a client like any other: check what it sends)? */
export function isReview(value: unknown): value is Review {
  if (typeof value !== 'object' || value === null) return false
  const review = value as Record<string, unknown>
  const strings = (list: unknown): boolean => Array.isArray(list) && list.every((item) => typeof item === 'string')
  return (
    typeof review['status'] === 'string' &&
    (reviewStatuses as readonly string[]).includes(review['status']) &&
    typeof review['reviewer'] === 'string' &&
    typeof review['date'] === 'string' &&
    typeof review['note'] === 'string' &&
    strings(review['evidence']) &&
    strings(review['rejected']) &&
    Array.isArray(review['added']) &&
    (review['added'] as unknown[]).every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        ['source', 'cue', 'content', 'note'].every((key) => typeof (item as Record<string, unknown>)[key] === 'string')
    ) &&
    typeof review['needsRecheck'] === 'boolean' &&
    (review['previousText'] === null || typeof review['previousText'] === 'string')
  )
}

/**
 * Save one sentence's review into its annotation file: merged by field with
 * what the file holds now, then through the same code as `npm run annotate`
 * (the file is read and checked, the article annotated again, the reviews
 * merged, the YAML written in the canonical form) and written atomically,
 * so `npm run annotate -- --check` passes afterwards. Refused, with both
 * values, where the page and the file changed the same field.
 */
export async function saveReview(folders: Folders, request: SaveRequest, signature: Signature): Promise<SaveResult> {
  const target = folders.annotation(request.path)
  if ('refused' in target) return {problem: `${request.path}: ${target.refused}`, status: 403}
  let text: string
  try {
    text = await readFile(target.file, 'utf8')
  } catch (error) {
    return {problem: `cannot read ${request.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, status: 404}
  }
  const read = readAnnotation(text)
  if (!('annotation' in read)) {
    const first = read.problems[0]!
    return {problem: `${request.path} has ${read.problems.length} problem(s) on disk; first, at ${first.line}:${first.column}: ${first.message}`, status: 409}
  }
  const annotation: Annotation = read.annotation
  const index = annotation.sentences.findIndex((sentence) => sentence.id === request.sentence)
  if (index === -1) {
    return {problem: `sentence ${request.sentence} is no longer in ${request.path} (the article changed since the page was loaded): reload the page`, status: 409}
  }
  const onDisk = annotation.sentences[index]!.review
  const {review, conflicts, merged} = mergeReview(request.base, request.review, onDisk)
  if (conflicts.length > 0) return {conflicts, onDisk}
  // A review someone changed is signed, unless they signed it themselves.
  if (merged.length > 0 && isReviewed(review)) {
    if (review.reviewer === '' && !merged.includes('reviewer')) review.reviewer = signature.reviewer
    if (review.date === '' && !merged.includes('date')) review.date = signature.today
  }
  annotation.sentences[index] = {...annotation.sentences[index]!, review}

  const article = folders.article(annotation.article.path)
  if ('refused' in article) return {problem: `cannot save: ${article.refused}`, status: 403}
  let bytes: Uint8Array
  try {
    bytes = await readFile(article.file)
  } catch (error) {
    return {problem: `cannot read the article ${annotation.article.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; run \`npm run annotate\``, status: 409}
  }
  const annotationPath = pathFromCwd(folders, target.file)
  const task: Task = {
    articlePath: annotation.article.path,
    targetPath: annotationPath,
    cwd: folders.cwd,
    article: bytes,
    existing: emitAnnotation(annotation, {schema: schemaReference(annotationPath)}),
    keepAnnotation: true
  }
  await prepareFor([task])
  const result = runTask(task, annotatorFor())
  if (result.yaml === undefined || !result.annotationData) {
    const reasons = [...result.annotation, ...result.article].filter((message) => message.fatal).map((message) => message.reason)
    return {problem: `not saved: ${reasons.join('; ') || 'the article could not be annotated'}`, status: 422}
  }
  const saved = result.annotationData.sentences.find((sentence) => sentence.id === request.sentence)?.review ?? defaultReview()
  if (result.yaml !== text) await writeAtomic(target.file, result.yaml)
  return {saved, path: annotationPath, merged}
}

let annotator: ReturnType<typeof annotators> | undefined
const annotatorFor = (): ReturnType<typeof annotators> => (annotator ??= annotators())

function pathFromCwd(folders: Folders, file: string): string {
  const relative = file.startsWith(folders.cwd + '/') ? file.slice(folders.cwd.length + 1) : file
  return relative.split('\\').join('/')
}
