import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/**
 * The plain text of a stretch of the original file. For a plain-text
 * article that is the stretch itself; for Markdown or HTML (the tree came
 * from remark-retext or rehype-retext, and `file.data.markup` is set) it is
 * the text of the tree's words, marks and spaces inside the stretch, without
 * the markup between them. Offsets always refer to the original file.
 */
export interface TextView {
  readonly markup: boolean
  slice(start: number, end: number): string
}

declare module 'vfile' {
  interface DataMap {
    /** The tree was made from markup (Markdown, HTML): its text is not the file's. */
    markup: boolean
  }
}

/** A file's line index (offset to line and column). */
export type FileLocation = ReturnType<typeof location>

const locations = new WeakMap<VFile, {value: string; place: FileLocation}>()

/**
 * A file's line index, made once per file value: a long article is analysed
 * a section at a time, and an index made afresh for each section reads the
 * file from its start again, which made a long document's cost grow with the
 * square of its length.
 */
export function fileLocation(file: VFile): FileLocation {
  const value = String(file)
  const cached = locations.get(file)
  if (cached && cached.value === value) return cached.place
  const place = location(file)
  locations.set(file, {value, place})
  return place
}

const views = new WeakMap<Root, TextView>()

/** The text view of a tree and its file, made once per tree. */
export function textView(tree: Root, file: VFile): TextView {
  const cached = views.get(tree)
  if (cached) return cached
  let view: TextView
  if (!file.data.markup) {
    // A tree run without a file value refers to its own text.
    const value = file.value === undefined ? toString(tree) : String(file.value)
    view = {markup: false, slice: (start, end) => value.slice(start, end)}
  } else {
    view = leafView(tree)
  }
  views.set(tree, view)
  return view
}

function leafView(tree: Root): TextView {
  const starts: number[] = []
  const ends: number[] = []
  const values: string[] = []
  const walk = (node: Root | Root['children'][number]): void => {
    if ('value' in node) {
      const position = node.position
      if (position?.start.offset !== undefined && position.end.offset !== undefined) {
        starts.push(position.start.offset)
        ends.push(position.end.offset)
        values.push(node.value)
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Root['children'][number])
  }
  walk(tree)
  return {
    markup: true,
    slice(start, end) {
      let low = 0
      let high = starts.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (starts[middle]! < start) low = middle + 1
        else high = middle
      }
      let text = ''
      for (let index = low; index < starts.length && ends[index]! <= end; index++) text += values[index]
      return text
    }
  }
}

/**
 * The smallest end at which `view.slice(start, end)` holds `length`
 * characters, at most `limit`: where a span of text that long ends. In plain
 * text that is `start + length`; in markup the text is shorter than the file
 * (`&amp;` is one character, `*` none).
 */
export function endAfter(view: TextView, start: number, length: number, limit: number): number {
  if (!view.markup) return Math.min(start + length, limit)
  let low = start
  let high = limit
  while (low < high) {
    const middle = (low + high) >> 1
    if (view.slice(start, middle).length >= length) high = middle
    else low = middle + 1
  }
  return low
}

/** The largest start at which `view.slice(start, end)` holds `length` characters, at least `limit`. */
export function startBefore(view: TextView, end: number, length: number, limit: number): number {
  if (!view.markup) return Math.max(end - length, limit)
  let low = limit
  let high = end
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (view.slice(middle, end).length >= length) low = middle
    else high = middle - 1
  }
  return low
}

/** White space as parse-english reads it (Unicode White_Space, NEL included; `trim()` leaves NEL). */
const blank = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/u

/** Is this stretch of text white space only, so that it holds no paragraph? */
export function isBlank(value: string): boolean {
  return blank.test(value)
}
