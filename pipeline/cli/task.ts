import {VFile} from 'vfile'
import type {Annotation, PreviousReviews} from '../annotation/model.ts'
import {isReviewed as isReviewedReview, reviewState} from '../annotation/model.ts'

/** Does the annotation hold any review, or any obsolete one? */
function isReviewed(annotation: Annotation): boolean {
  return annotation.obsolete.length > 0 || annotation.sentences.some((sentence) => isReviewedReview(sentence.review))
}
import {type ArticleFormat, type Annotator, annotate, articleFormat, createAnnotator, loadMarkupParsers} from '../processor.ts'
import {LineCounter, parseDocument} from 'yaml'
import {schemaReference} from '../annotation/emit.ts'
import {emitAnnotation} from '../annotation/emit.ts'
import {describeDifference, differences} from '../review/compare.ts'
import {readAnnotation, readQuickly} from '../review/read.ts'
import {type PlainMessage, plain} from './messages.ts'
import {bytePlace, decodeArticle} from './read.ts'

/** One article to annotate: everything a worker thread needs, and nothing it must share. */
export interface Task {
  /** Article path relative to the working folder, with forward slashes. */
  articlePath: string
  /** Annotation path relative to the working folder, with forward slashes. */
  targetPath: string
  cwd: string
  /** The article's bytes, or why they could not be read. */
  article: Uint8Array | {error: string}
  /** The annotation on disk, if any. */
  existing: string | undefined
  /** Why the annotation on disk could not be read (other than its absence). */
  existingError?: string
  /** Its reviews, when the cache knows them (the file is as the tool wrote it): no parsing needed. */
  previous?: PreviousReviews
  /** Keep the whole annotation in the result (for --summary). */
  keepAnnotation: boolean
  /** For --check: name each machine field that differs from the file, at its line. */
  check?: boolean
}

export interface TaskResult {
  /** Messages about the article (and the summary line). */
  article: PlainMessage[]
  /** Problems in the annotation already on disk, at their line and column. */
  annotation: PlainMessage[]
  /** The annotation to write, when the article could be annotated. */
  yaml?: string
  counts?: Annotation['counts']
  /** What the next run's merge needs of this annotation (for the cache); null when nothing is reviewed. */
  reviews?: ReturnType<typeof reviewState> | null
  /** Neither the article nor its annotation changed since the last run: nothing was read or done. */
  untouched?: boolean
  annotationData?: Annotation
  /**
   * How the annotation computed now compares with the file on disk: none
   * there yet, the same bytes, the same meaning written otherwise (a
   * reviewer's plain or block scalars, CRLF, key order), or other values.
   */
  change?: 'new' | 'same' | 'format' | 'content'
  /** For --check, when the file differs in meaning: the file written the canonical way, to diff against `yaml`. */
  canonicalExisting?: string
}


/** Load what the tasks' formats need beyond plain text (the Markdown and HTML parsers). */
export async function prepareFor(tasks: Iterable<Task>): Promise<void> {
  for (const task of tasks) {
    if (articleFormat(task.articlePath) !== 'text') return loadMarkupParsers()
  }
}

/** One annotator per article format, made when first needed (after `prepareFor`). */
export function annotators(): (format: ArticleFormat) => Annotator {
  const made = new Map<ArticleFormat, Annotator>()
  return (format) => {
    let annotator = made.get(format)
    if (!annotator) {
      annotator = createAnnotator(format)
      made.set(format, annotator)
    }
    return annotator
  }
}

/** Annotate one article, merging the reviews of its existing annotation. Never throws. */
export function runTask(task: Task, annotatorFor: (format: ArticleFormat) => Annotator): TaskResult {
  const format = articleFormat(task.articlePath)
  const file = new VFile({path: task.articlePath, cwd: task.cwd})
  const result: TaskResult = {article: [], annotation: []}
  const fail = (reason: string, place?: {line: number; column: number}, ruleId = 'unreadable'): TaskResult => {
    const message = file.message(reason, {place: place ?? {line: 1, column: 1}, ruleId, source: 'annotate'})
    message.fatal = true
    result.article = file.messages.map(plain)
    return result
  }

  if (!(task.article instanceof Uint8Array)) return fail(`cannot read file: ${task.article.error}`)
  /** The annotation on disk as read, when it was read (not when the cache knew its reviews). */
  let onDisk: Annotation | undefined
  const decoded = decodeArticle(task.article)
  if ('problem' in decoded) {
    const place = decoded.problem.byte === undefined ? undefined : bytePlace(task.article, decoded.problem.byte)
    return fail(decoded.problem.reason, place)
  }
  file.value = decoded.text
  file.data.annotationPath = task.targetPath

  // The annotation on disk holds the reviews: it must be valid before anything is written over it.
  if (task.existingError !== undefined) {
    return fail(`cannot read ${task.targetPath}: ${task.existingError}; it was left as it is`, undefined, 'unreadable')
  }
  if (task.previous) {
    file.data.previousAnnotation = task.previous
  } else if (task.existing !== undefined) {
    const read = readAnnotation(task.existing)
    if ('problems' in read) {
      result.annotation = read.problems.map((problem) => ({
        reason: problem.message,
        place: {start: {line: problem.line, column: problem.column}},
        ruleId: 'invalid-annotation',
        source: 'annotate',
        fatal: true,
        note: undefined
      }))
      const count = read.problems.length
      return fail(`not annotated: ${task.targetPath} has ${count} problem${count === 1 ? '' : 's'}; it was left as it is`, undefined, 'invalid-annotation')
    }
    // An annotation written for another article (seeds/a.txt and other/a.txt both map to a.yaml)
    // holds someone else's reviews: never merge them into this one.
    if (read.annotation.article.path !== task.articlePath) {
      return fail(
        `not annotated: ${task.targetPath} belongs to ${read.annotation.article.path}; annotate this article with another --out`,
        undefined,
        'output-collision'
      )
    }
    file.data.previousAnnotation = read.annotation
    onDisk = read.annotation
  }

  try {
    // Made here, inside the try: a parser that could not be loaded fails this article, not the run.
    result.yaml = annotate(annotatorFor(format), file, format)
  } catch (error) {
    return fail(`could not annotate: ${(error as Error).message}`)
  }
  const annotation = file.data.annotation!
  result.change = compareWithDisk(task, result.yaml, onDisk, result)
  result.counts = annotation.counts
  result.reviews = isReviewed(annotation) ? reviewState(annotation) : null
  if (task.keepAnnotation) result.annotationData = annotation
  result.article = file.messages.map(plain)
  return result
}


/** Most differences a check reports per file, each at its line; the rest are counted. */
const differencesShown = 20

/**
 * How the annotation just computed compares with the file on disk, and for
 * --check each machine field or review value that differs, at its line.
 */
function compareWithDisk(task: Task, yaml: string, onDisk: Annotation | undefined, result: TaskResult): NonNullable<TaskResult['change']> {
  if (task.existing === undefined) return 'new'
  if (task.existing === yaml) return 'same'
  // Read when the cache vouched for the file's reviews: a file the tool wrote is canonical, so
  // only --check, which names what differs, needs it.
  let before = onDisk
  if (!before && !task.check) return 'content'
  if (!before) {
    const read = readAnnotation(task.existing)
    if (!('annotation' in read)) return 'content'
    before = read.annotation
  }
  // The file's meaning, written the canonical way: the same bytes mean the same annotation.
  const canonical = emitAnnotation(before, {schema: schemaReference(task.targetPath)})
  if (canonical === yaml) return 'format'
  if (task.check) {
    result.annotation.push(...differenceMessages(task.existing, before, yaml))
    // The check's diff compares meanings: the file as the tool would write it, against what it computes.
    result.canonicalExisting = canonical
  }
  return 'content'
}

function differenceMessages(existing: string, before: Annotation, yaml: string): PlainMessage[] {
  // Both sides as read back from YAML, so a value is compared with what the file will hold.
  const computed = readQuickly(yaml)
  if (!computed) return []
  const found = differences(before, computed)
  if (found.length === 0) return []
  const locate = locator(existing)
  const message = (reason: string, path: Array<string | number>): PlainMessage => ({
    reason,
    place: {start: locate(path)},
    ruleId: 'machine-field',
    source: 'annotate',
    fatal: true,
    note: undefined
  })
  const messages = found.slice(0, differencesShown).map((difference) => message(describeDifference(difference), difference.path))
  if (found.length > differencesShown) {
    messages.push(message(`and ${found.length - differencesShown} more differences; \`npm run annotate\` rewrites them all`, found[differencesShown]!.path))
  }
  return messages
}

/** Line and column of the deepest node of `path` that the file has. */
function locator(text: string): (path: Array<string | number>) => {line: number; column: number} {
  const lines = new LineCounter()
  const document = parseDocument(text, {lineCounter: lines})
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as {range?: [number, number, number]} | undefined
      if (node && typeof node === 'object' && node.range) {
        const {line, col} = lines.linePos(node.range[0])
        return {line, column: col}
      }
    }
    return {line: 1, column: 1}
  }
}
