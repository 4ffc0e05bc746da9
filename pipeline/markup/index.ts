import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Paragraph, ParagraphContent, Root, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {PositionedParseEnglish} from '../parse/tokenize.ts'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import type {Processor, Transformer} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {FurnitureKind, FurnitureRange, Section} from '../types.ts'

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
    // A long article runs a section at a time (see `annotate`): the first run recorded the whole tree.
    if ((file.data.section?.start ?? 0) > 0) return
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
    if ((file.data.section?.start ?? 0) > 0) return
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
      if (!position || position.start.offset === undefined || position.end.offset === undefined) return
      const given = position.start.offset
      const givenEnd = position.end.offset
      // Most leaves are where the bridge put them.
      if (given >= cursor && givenEnd - given === node.value.length && raw.startsWith(node.value, given)) {
        cursor = givenEnd
        return
      }
      // White space the bridge puts between blocks ("\n\n" for one line ending) is not in the file
      // as such: looked for further on, it would be found at some later blank line, and every leaf
      // after it would be looked for from there. It moves only to where the cursor is.
      const found =
        node.type === 'WhiteSpaceNode'
          ? given < cursor && raw.startsWith(node.value, cursor)
            ? {start: cursor, end: cursor + node.value.length}
            : undefined
          : findText(raw, node.value, Math.max(given, cursor))
      if (found === undefined) return
      cursor = found.end
      if (found.start === given && found.end === givenEnd) return
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
 * The top-level blocks of a Markdown document, or the blocks of an HTML one
 * (see `htmlBlocks`), cut into sections of about `size` characters: each
 * starts where its first block starts (the first at 0) and ends where the
 * next starts. A long article is annotated a section at a time, as plain
 * text is (see `annotate`), so memory stays bound by the section.
 */
export function markupSections(tree: MdastRoot | HastRoot, value: string, size: number): Section[] {
  const blocks: Block[] =
    isHast(tree) ? htmlBlocks(tree) : tree.children
  const sections: Section[] = [{start: 0, end: value.length, line: 1}]
  for (const block of blocks) {
    const start = blockStart(block)
    const current = sections.at(-1)!
    if (start?.offset === undefined || start.offset - current.start < size) continue
    current.end = start.offset
    sections.push({start: start.offset, end: value.length, line: start.line})
  }
  return sections
}

type Block = MdastRoot['children'][number] | HastRoot['children'][number]

/** Where a block starts: its own position, or its first child's that has one (parse5 adds `<body>` without). */
function blockStart(block: Block): Point | undefined {
  if (block.position) return block.position.start
  if ('children' in block) {
    for (const child of block.children) {
      const start = blockStart(child as Block)
      if (start) return start
    }
  }
  return undefined
}

function isHast(tree: MdastRoot | HastRoot): tree is HastRoot {
  return tree.children.some((child) => child.type === 'element' || child.type === 'doctype')
}

/**
 * remark plugin: while a long article is annotated a section at a time,
 * hands on only the top-level blocks that start in the current section.
 */
export function remarkSection(): Transformer<MdastRoot, MdastRoot> {
  return function (tree, file) {
    const section = file.data.section
    return section ? within(tree, tree.children, section) : tree
  }
}

/** rehype plugin: as `remarkSection`, with the blocks of `htmlBlocks`. */
export function rehypeSection(): Transformer<HastRoot, HastRoot> {
  return function (tree, file) {
    const section = file.data.section
    return section ? within(tree, htmlBlocks(tree), section) : tree
  }
}

/** A root of the `blocks` that start in `section`, spanning them. */
function within<Tree extends MdastRoot | HastRoot>(tree: Tree, blocks: Tree['children'], section: Section): Tree {
  const children = blocks.filter((block) => {
    const start = blockStart(block)?.offset
    return start !== undefined && start >= section.start && start < section.end
  })
  const root = {type: 'root', children} as Tree
  // The converters want a position on the root they are given; the document's is right for any part of it.
  if (tree.position) root.position = tree.position
  return root
}

/** Elements that hast-util-to-nlcst reads child by child: cutting between their block children changes nothing. */
const htmlContainers = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'nav', 'aside', 'blockquote', 'form', 'fieldset', 'details', 'dialog', 'figure', 'address'])
/** Elements that are never phrasing content, so never part of an implicit paragraph. */
const htmlBlockElements = new Set([
  ...htmlContainers,
  'head', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'pre', 'hr', 'figcaption', 'li', 'dd', 'dt', 'style', 'script'
])

/**
 * An HTML document as a list of blocks in document order, opening every
 * container whose children are all blocks, white space or comments.
 * hast-util-to-nlcst turns each such child into paragraphs on its own (only
 * a run of inline content becomes one implicit paragraph, and such
 * containers have none), so converting the blocks a section at a time gives
 * the paragraphs of the whole.
 */
export function htmlBlocks(tree: HastRoot): HastRoot['children'] {
  const blocks: HastRoot['children'] = []
  const open = (children: HastRoot['children']): void => {
    for (const child of children) {
      if (child.type === 'element' && htmlContainers.has(child.tagName) && child.children.every(isBlockOrBlank)) {
        open(child.children)
      } else if (child.type === 'element' || child.type === 'text') {
        blocks.push(child)
      }
    }
  }
  open(tree.children)
  return blocks
}

function isBlockOrBlank(node: HastRoot['children'][number]): boolean {
  if (node.type === 'element') return htmlBlockElements.has(node.tagName)
  if (node.type === 'text') return /^[ \t\n\f\r]*$/u.test(node.value)
  return node.type === 'comment'
}

/**
 * ParseEnglish that reads a Markdown document one block at a time, as it
 * reads plain text one paragraph at a time. mdast-util-to-nlcst puts all of
 * a document's words into one sentence and runs parse-english's word and
 * sentence steps over it before it breaks it at blank lines, so:
 * - the word steps, which splice that one array, cost the square of the
 *   document's length (a 3 MB file: 0.21 MB/s);
 * - the sentence steps read across blocks: "simple.”" before a block "___."
 *   (no words, so joined to it) kept its full stop inside the word "simple.",
 *   as if the sentence went on.
 * Here both run on each block between white space holding a blank line
 * (where mdast-util-to-nlcst joins blocks), which then separates them.
 */
export function blockwiseEnglish(): ParseEnglish {
  const parser = bridgeEnglish()
  const wordSteps = parser.tokenizeSentencePlugins
  const sentenceSteps = parser.tokenizeParagraphPlugins
  parser.tokenizeSentencePlugins = [
    (sentence: Sentence): undefined => {
      const merged: SentenceContent[] = []
      for (const [index, stretch] of splitAtBlankLines(sentence.children).entries()) {
        if (index > 0) merged.push(stretch.before!)
        const part: Sentence = {type: 'SentenceNode', children: stretch.children}
        for (const step of wordSteps) step(part)
        for (const child of part.children) merged.push(child)
      }
      sentence.children = merged
      // What the word steps' last one (patch-position) does for the whole sentence.
      const first = merged[0]?.position
      const last = merged.at(-1)?.position
      if (!sentence.position && first && last) sentence.position = {start: first.start, end: last.end}
      return undefined
    }
  ]
  parser.tokenizeParagraphPlugins = [
    (paragraph: Paragraph): undefined => {
      // Sentences were cut at full stops only: a blank line can be inside one, or between two.
      const blocks: Array<{before?: WhiteSpace; children: ParagraphContent[]}> = [{children: []}]
      for (const child of paragraph.children) {
        if (child.type === 'WhiteSpaceNode' && isBlankLine(child.value)) {
          blocks.push({before: child, children: []})
        } else if (child.type === 'SentenceNode') {
          for (const [index, stretch] of splitAtBlankLines(child.children).entries()) {
            if (index > 0) blocks.push({before: stretch.before!, children: []})
            if (stretch.children.length > 0) blocks.at(-1)!.children.push(index === 0 && stretch.children.length === child.children.length ? child : sentenceOf(stretch.children))
          }
        } else {
          blocks.at(-1)!.children.push(child)
        }
      }
      const merged: ParagraphContent[] = []
      for (const block of blocks) {
        if (block.before) merged.push(block.before)
        if (block.children.length === 0) continue
        const part: Paragraph = {type: 'ParagraphNode', children: block.children}
        for (const step of sentenceSteps) step(part)
        for (const child of part.children) merged.push(child)
      }
      paragraph.children = merged
      return undefined
    }
  ]
  return parser
}

/**
 * ParseEnglish with the project's tokenizer (a class table in place of
 * parse-latin's regular expressions per character; same nodes), for the
 * bridges, which tokenize each text node and then place every node
 * themselves. parse-english's own steps all run: the bridges tokenize
 * many texts before they run them, so the tokenizer cannot tell which a
 * text needs, as it does for a line of plain text.
 */
function bridgeEnglish(): ParseEnglish {
  const parser = new PositionedParseEnglish()
  parser.tokenizeSentencePlugins = [...ParseEnglish.prototype.tokenizeSentencePlugins]
  parser.tokenizeParagraphPlugins = [...ParseEnglish.prototype.tokenizeParagraphPlugins]
  parser.tokenizeRootPlugins = [...ParseEnglish.prototype.tokenizeRootPlugins]
  return parser
}

/** `children` cut at white space holding a blank line: the stretches, each with the white space before it. */
function splitAtBlankLines(children: SentenceContent[]): Array<{before?: WhiteSpace; children: SentenceContent[]}> {
  const stretches: Array<{before?: WhiteSpace; children: SentenceContent[]}> = [{children: []}]
  for (const child of children) {
    if (child.type === 'WhiteSpaceNode' && isBlankLine(child.value)) stretches.push({before: child, children: []})
    else stretches.at(-1)!.children.push(child)
  }
  return stretches
}

function sentenceOf(children: SentenceContent[]): Sentence {
  const sentence: Sentence = {type: 'SentenceNode', children}
  const first = children[0]?.position
  const last = children.at(-1)?.position
  if (first && last) sentence.position = {start: first.start, end: last.end}
  return sentence
}

/** White space with two line breaks or more (CRLF is one), as parse-latin's break-implicit-sentences reads it. */
function isBlankLine(value: string): boolean {
  let breaks = 0
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index)
    if (unit === 13 || (unit === 10 && value.charCodeAt(index - 1) !== 13)) breaks++
  }
  return breaks >= 2
}

/** unified with remark-parse and remark-retext, given English (ParseEnglish, not plain ParseLatin), positions realigned. */
export function markdownFront(processor: Processor): Processor<MdastRoot, MdastRoot, Root> {
  return processor.use(remarkParse).use(remarkArticle).use(remarkSection).use(remarkRetext, blockwiseEnglish()).use(retextRealign) as unknown as Processor<
    MdastRoot,
    MdastRoot,
    Root
  >
}

/** unified with rehype-parse and rehype-retext, given English, positions realigned. */
export function htmlFront(processor: Processor): Processor<HastRoot, HastRoot, Root> {
  return processor.use(rehypeParse).use(rehypeArticle).use(rehypeSection).use(rehypeRetext, bridgeEnglish()).use(retextRealign) as unknown as Processor<HastRoot, HastRoot, Root>
}
