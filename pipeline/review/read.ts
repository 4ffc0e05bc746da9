import {readFileSync} from 'node:fs'
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {LineCounter, isMap, isScalar, isSeq, parseDocument, visit} from 'yaml'
import type {Document, Node as YamlNode} from 'yaml'
import type {Annotation, ObsoleteReview, Review, SentenceAnnotation} from '../annotation/model.ts'
import {defaultReview} from '../annotation/model.ts'

/** A mistake in an annotation file, at its place. */
export interface YamlProblem {
  line: number
  column: number
  message: string
}

/** The comment the emitter writes before `obsolete:`; any other comment inside the file is not kept. */
export const obsoleteComment = ' Reviews of sentences no longer in the article, kept with their last text.'

let compiled: ValidateFunction | undefined

/** The schema's validator, compiled on first use (compiling costs more than a run with nothing to do). */
function validator(): ValidateFunction {
  if (!compiled) {
    const schema: object = JSON.parse(readFileSync(new URL('../schema/annotation.schema.json', import.meta.url), 'utf8'))
    // strictRequired would reject the schema's if/then on `furniture`, which names a property declared beside it.
    // `verbose` gives each error its parent schema, to list the keys allowed where an unknown one stands.
    compiled = new Ajv({allErrors: true, strict: true, strictRequired: false, verbose: true}).compile(schema)
  }
  return compiled
}

/**
 * Read an annotation file a reviewer may have edited: YAML syntax, the JSON
 * Schema, unique ids and no comments (they would be lost on the next run).
 * Problems come with line and column in the file.
 */
export function readAnnotation(text: string): {annotation: Annotation} | {problems: YamlProblem[]} {
  const lines = new LineCounter()
  const document = parseDocument(text, {lineCounter: lines, uniqueKeys: true, prettyErrors: false})
  const at = (offset: number | undefined, message: string): YamlProblem => {
    const {line, col} = lines.linePos(offset ?? 0)
    return {line, column: col, message}
  }
  if (document.errors.length > 0) {
    return {problems: document.errors.map((error) => at(error.pos[0], `YAML syntax: ${error.message.split('\n')[0]}`))}
  }

  const problems: YamlProblem[] = [...commentProblems(document, text, at)]
  unquotedFalse(document)
  const value: unknown = document.toJS()
  const validate = validator()
  if (!validate(value)) {
    for (const error of validate.errors ?? []) problems.push(schemaProblem(document, error, at))
  }
  problems.push(...duplicateIds(document, at))
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column)
    return {problems}
  }
  return {annotation: toAnnotation(value as RawAnnotation)}
}

/** A reviewer's `status: false` is the verdict "false", not YAML's boolean. */
function unquotedFalse(document: Document): void {
  for (const section of ['sentences', 'obsolete']) {
    const list = document.get(section, true)
    if (!isSeq(list)) continue
    for (const item of list.items) {
      if (!isMap(item)) continue
      const review = item.get('review', true)
      if (!isMap(review)) continue
      const status = review.get('status', true)
      if (isScalar(status) && status.value === false) status.value = 'false'
    }
  }
}

function commentProblems(
  document: Document,
  text: string,
  at: (offset: number | undefined, message: string) => YamlProblem
): YamlProblem[] {
  const problems: YamlProblem[] = []
  const message = 'comments are not kept when the file is rewritten: write this in the sentence’s `note`'
  const report = (node: YamlNode): void => {
    // Point at the "#" itself: after the node on its line, or on the lines before it.
    const end = node.range?.[1] ?? 0
    const lineEnd = text.indexOf('\n', end)
    const after = text.slice(end, lineEnd === -1 ? undefined : lineEnd).indexOf('#')
    if (after !== -1 && node.comment) problems.push(at(end + after, message))
    else {
      const before = text.lastIndexOf('#', node.range?.[0] ?? 0)
      problems.push(at(before === -1 ? node.range?.[0] : before, message))
    }
  }
  if (document.comment) problems.push(at(undefined, 'comments at the end of the file are not kept: write them in a `note`'))
  visit(document, (_key, node) => {
    if (!node || typeof node !== 'object' || !('range' in node)) return
    const yamlNode = node as YamlNode
    if (yamlNode.comment) report(yamlNode)
    if (yamlNode.commentBefore && yamlNode.commentBefore !== obsoleteComment) report(yamlNode)
  })
  return problems
}

function schemaProblem(
  document: Document,
  error: ErrorObject,
  at: (offset: number | undefined, message: string) => YamlProblem
): YamlProblem {
  const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/u.test(part) ? Number(part) : part.replace(/~1/gu, '/').replace(/~0/gu, '~')))
  const node = document.getIn(path, true) as YamlNode | undefined
  let offset = node?.range?.[0]
  let where = describe(path)
  let message = error.message ?? 'is not valid'
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty'])
    where = describe([...path, key])
    const map = node
    if (map && isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key)
      offset = (pair?.key as YamlNode | undefined)?.range?.[0] ?? offset
    }
    message = `unknown key; expected one of ${allowedKeys(error)}`
  } else if (error.keyword === 'enum') {
    message = `expected one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`
  } else if (error.keyword === 'required') {
    message = `missing \`${String(error.params['missingProperty'])}\``
  } else if (error.keyword === 'type') {
    message = `expected ${typeNames[String(error.params['type'])] ?? String(error.params['type'])}`
  } else if (error.keyword === 'pattern' && where.endsWith('.date')) {
    message = 'expected a date as YYYY-MM-DD'
  }
  return at(offset, `${where || 'file'}: ${message}`)
}

const typeNames: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'text (a string)',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  null: 'null'
}

/** The keys a failing `additionalProperties` object allows, from the schema beside the error. */
function allowedKeys(error: ErrorObject): string {
  const parent = error.parentSchema as {properties?: Record<string, unknown>} | undefined
  return Object.keys(parent?.properties ?? {}).join(', ')
}

function describe(path: Array<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`)).join('')
}

function duplicateIds(document: Document, at: (offset: number | undefined, message: string) => YamlProblem): YamlProblem[] {
  const problems: YamlProblem[] = []
  for (const section of ['sentences', 'obsolete']) {
    const list = document.get(section, true)
    if (!isSeq(list)) continue
    const seen = new Map<string, number>()
    list.items.forEach((item, index) => {
      if (!isMap(item)) return
      const idNode = item.get('id', true)
      if (!isScalar(idNode) || typeof idNode.value !== 'string') return
      const first = seen.get(idNode.value)
      if (first === undefined) seen.set(idNode.value, index)
      else problems.push(at(idNode.range?.[0], `${section}[${index}].id: duplicate id ${idNode.value} (also ${section}[${first}])`))
    })
  }
  return problems
}

interface RawReview {
  status: Review['status']
  reviewer?: string
  date?: string
  note?: string
  evidence?: string[]
  rejected?: string[]
  added?: Array<{source?: string; cue: string; content: string; note?: string}>
  needs_recheck?: boolean
  previous_text?: string
}

type RawAnnotation = Omit<Annotation, 'sentences' | 'obsolete'> & {
  sentences: Array<Omit<SentenceAnnotation, 'review'> & {review: RawReview}>
  obsolete?: Array<Omit<ObsoleteReview, 'review'> & {review: RawReview}>
}

function toReview(raw: RawReview): Review {
  return {
    ...defaultReview(),
    status: raw.status,
    reviewer: raw.reviewer ?? '',
    date: raw.date ?? '',
    note: raw.note ?? '',
    evidence: raw.evidence ?? [],
    rejected: raw.rejected ?? [],
    added: (raw.added ?? []).map((item) => ({source: item.source ?? '', cue: item.cue, content: item.content, note: item.note ?? ''})),
    needsRecheck: raw.needs_recheck ?? false,
    previousText: raw.previous_text ?? null
  }
}

function toAnnotation(raw: RawAnnotation): Annotation {
  return {
    ...raw,
    sentences: raw.sentences.map((sentence) => ({...sentence, review: toReview(sentence.review)})),
    obsolete: (raw.obsolete ?? []).map((item) => ({...item, review: toReview(item.review)}))
  }
}
