import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Root, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import type {Processor, Transformer} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {FurnitureKind, FurnitureRange} from '../types.ts'

/** HTML elements whose text is not the article's body, and the kind it is recorded as. */
const htmlFurniture: Record<string, FurnitureKind> = {
  nav: 'navigation',
  aside: 'aside',
  footer: 'footer',
  figcaption: 'caption',
  caption: 'caption',
  address: 'byline',
  pre: 'code'
}

/** Class names that mark a byline or a caption in saved news pages. */
const classFurniture: Array<[RegExp, FurnitureKind]> = [
  [/\b(?:byline|author|dateline-author)\b/iu, 'byline'],
  [/\b(?:caption|credit)\b/iu, 'caption'],
  [/\b(?:related|promo|newsletter|share|social)\b/iu, 'aside']
]

/**
 * remark plugin: records Markdown headings and code (on `file.data`) before
 * remark-retext turns the tree into English, and marks the file as markup.
 */
export function remarkArticle(): Transformer<MdastRoot> {
  return function (tree, file) {
    file.data.markup = true
    const headings: Array<{start: number; end: number}> = []
    const furniture: FurnitureRange[] = []
    visit(tree, (node) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      if (node.type === 'heading') headings.push({start, end})
      else if (node.type === 'code' || node.type === 'html') furniture.push({kind: 'code', start, end})
    })
    file.data.headings = headings
    if (furniture.length > 0) file.data.furniture = furniture
  }
}

/**
 * rehype plugin: records HTML headings, the title, and the elements that are
 * not the body (navigation, asides, footers, captions, bylines, code) before
 * rehype-retext turns the tree into English; scripts and styles have no text
 * there. Marks the file as markup.
 */
export function rehypeArticle(): Transformer<HastRoot> {
  return function (tree, file) {
    file.data.markup = true
    const headings: Array<{start: number; end: number}> = []
    const furniture: FurnitureRange[] = []
    visit(tree, 'element', (node) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      if (/^h[1-6]$/u.test(node.tagName)) headings.push({start, end})
      if (node.tagName === 'title') {
        const text = node.children.find((child) => child.type === 'text')
        const textStart = text?.position?.start.offset
        const textEnd = text?.position?.end.offset
        if (text && textStart !== undefined && textEnd !== undefined) file.data.title = {text: text.value.trim(), start: textStart, end: textEnd}
        return
      }
      let kind = htmlFurniture[node.tagName]
      const className = node.properties['className']
      const classes = Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : ''
      if (!kind && classes) kind = classFurniture.find(([pattern]) => pattern.test(classes))?.[1]
      const rel = node.properties['rel']
      const itemProp = node.properties['itemProp']
      if (!kind && ((Array.isArray(rel) && rel.includes('author')) || (Array.isArray(itemProp) && itemProp.includes('author')))) kind = 'byline'
      if (kind) furniture.push({kind, start, end})
    })
    file.data.headings = headings
    if (furniture.length > 0) file.data.furniture = furniture
  }
}

/**
 * retext plugin for trees from HTML or Markdown: hast-util-to-nlcst and
 * mdast-util-to-nlcst place the words after a character reference (`&amp;`)
 * or a Markdown escape (`\*`) as if it were one character long.
 * Each leaf is moved to where its text stands in the original file, and
 * every parent spans its children again.
 */
export function retextRealign(): Transformer<Root> {
  return function (tree, file) {
    const raw = String(file.value)
    const place = location(file)
    let cursor = 0
    const fix = (node: Root | Root['children'][number]): void => {
      if ('children' in node) {
        for (const child of node.children) fix(child as Root['children'][number])
        const first = node.children[0]?.position
        const last = node.children.at(-1)?.position
        if (first && last && node.position) node.position = {start: {...first.start}, end: {...last.end}}
        return
      }
      const position = node.position
      if (!position || position.start.offset === undefined) return
      const given = position.start.offset
      const from = Math.max(given, cursor)
      const found = findText(raw, node.value, from)
      if (found === undefined) return
      cursor = found.end
      if (found.start === given && found.end === position.end.offset) return
      node.position = {start: place.toPoint(found.start)!, end: place.toPoint(found.end)!}
    }
    fix(tree)
  }
}

/** Where `value` stands in `raw` at or after `from`, reading character references as their characters. */
function findText(raw: string, value: string, from: number): {start: number; end: number} | undefined {
  for (let start = from; start < Math.min(raw.length, from + 64); start++) {
    const end = matchAt(raw, value, start)
    if (end !== undefined) return {start, end}
  }
  return undefined
}

function matchAt(raw: string, value: string, start: number): number | undefined {
  let position = start
  for (const char of value) {
    if (raw.startsWith(char, position)) {
      position += char.length
      continue
    }
    // A Markdown escape: "\*" stands for "*".
    if (raw[position] === '\\' && raw.startsWith(char, position + 1)) {
      position += 1 + char.length
      continue
    }
    const reference = /^&(?:#x[\da-f]+|#\d+|[a-z][a-z\d]*);?/iu.exec(raw.slice(position, position + 12))
    if (!reference) return undefined
    position += reference[0].length
  }
  return position
}

/**
 * ParseEnglish whose word-level plugins run one Markdown block at a time.
 * mdast-util-to-nlcst puts a whole document's words into one sentence and
 * runs those plugins over it; they splice that one array, so their cost grew
 * with the square of the document (a 3 MB file: 0.21 MB/s). None of them
 * looks across white space holding a blank line, which is what separates
 * blocks there, so running them on each stretch between such white space
 * gives the same tree (tests/markup.test.ts compares the two).
 */
export function blockwiseEnglish(): ParseEnglish {
  const parser = new ParseEnglish()
  const plugins = parser.tokenizeSentencePlugins
  parser.tokenizeSentencePlugins = [
    (sentence: Sentence): undefined => {
      const children = sentence.children
      const merged: SentenceContent[] = []
      let from = 0
      const runOn = (to: number): void => {
        const stretch: Sentence = {type: 'SentenceNode', children: children.slice(from, to)}
        for (const plugin of plugins) plugin(stretch)
        for (const child of stretch.children) merged.push(child)
      }
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!
        if (child.type === 'WhiteSpaceNode' && blankLine.test(child.value)) {
          runOn(index)
          merged.push(child)
          from = index + 1
        }
      }
      runOn(children.length)
      sentence.children = merged
      // What the plugins' last step (patch-position) does for the whole sentence.
      const first = merged[0]?.position
      const last = merged.at(-1)?.position
      if (!sentence.position && first && last) sentence.position = {start: first.start, end: last.end}
      return undefined
    }
  ]
  return parser
}

const blankLine = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/u

/** unified with remark-parse and remark-retext, given English (ParseEnglish, not plain ParseLatin), positions realigned. */
export function markdownFront(processor: Processor): Processor<MdastRoot, MdastRoot, Root> {
  return processor.use(remarkParse).use(remarkArticle).use(remarkRetext, blockwiseEnglish()).use(retextRealign) as unknown as Processor<
    MdastRoot,
    MdastRoot,
    Root
  >
}

/** unified with rehype-parse and rehype-retext, given English, positions realigned. */
export function htmlFront(processor: Processor): Processor<HastRoot, HastRoot, Root> {
  return processor.use(rehypeParse).use(rehypeArticle).use(rehypeRetext, ParseEnglish).use(retextRealign) as unknown as Processor<HastRoot, HastRoot, Root>
}
