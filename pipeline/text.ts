import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'

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

/** White space as parse-english reads it (Unicode White_Space, NEL included; `trim()` leaves NEL). */
const blank = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/u

/** Is this stretch of text white space only, so that it holds no paragraph? */
export function isBlank(value: string): boolean {
  return blank.test(value)
}
