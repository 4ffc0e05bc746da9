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
import type {Point, Position} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {fileLocation} from '../text.ts'
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
    const place = fileLocation(file)
    // Leaves are placed in order: none starts before the end of the one before it, so a text
    // view can find them by binary search (text.ts).
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
      const from = Math.max(given, cursor)
      let found: {start: number; end: number} | undefined
      if (node.type === 'WhiteSpaceNode') {
        // White space is looked for only where it should be: the "\n\n" the bridge puts between
        // blocks for one line ending is in no file, and looked for further on it would be found at
        // some later blank line, with every leaf after it looked for from there. Not there as
        // written, it stays where the bridge put it (after the block before it, outside its
        // sentences), or, put before the cursor ("&nbsp;" after a reference, "\r\n" in HTML),
        // takes no room at the cursor.
        const end = matchAt(raw, node.value, from)
        if (end === undefined && given >= cursor) return
        found = {start: from, end: end ?? from}
      } else {
        // A word not found within reach takes no room either, where the cursor is.
        found = findText(raw, node.value, from) ?? {start: from, end: from}
      }
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
    // HTML reads "\r\n" and "\r" as "\n".
    if (char === '\n' && raw[position] === '\r') {
      position += raw[position + 1] === '\n' ? 2 : 1
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
 * text is (see `annotate`): the English trees and what the plugins make of
 * them are held a section at a time, the markup's own tree whole. When the
 * blocks do not stand in the file in the order of the tree (HTML moves
 * misplaced table content before its table), the whole article is one
 * section.
 */
export function markupSections(tree: MdastRoot | HastRoot, format: 'markdown' | 'html', value: string, size: number): Section[] {
  prepareMarkup(tree, format)
  const whole: Section[] = [{start: 0, end: value.length, line: 1}]
  const blocks: Block[] = format === 'html' ? htmlBlocks(tree as HastRoot) : (tree as MdastRoot).children
  const sections: Section[] = [{start: 0, end: value.length, line: 1}]
  let previous = -1
  let previousEndLine = 0
  for (const block of blocks) {
    const start = blockStart(block)
    // No position anywhere inside (the <head> parse5 adds to a page without one): nothing to convert.
    if (start?.offset === undefined) continue
    if (start.offset < previous) return whole
    previous = start.offset
    // Parts of one Markdown paragraph cut by splitLargeBlocks follow each other on a line: not a place to cut.
    const onNewLine = format === 'html' || start.line > previousEndLine
    previousEndLine = block.position?.end.line ?? start.line
    const current = sections.at(-1)!
    if (!onNewLine || start.offset - current.start < size) continue
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

/**
 * remark plugin: while a long article is annotated a section at a time,
 * hands on only the top-level blocks that start in the current section.
 */
export function remarkSection(): Transformer<MdastRoot, MdastRoot> {
  return function (tree, file) {
    prepareMarkup(tree, 'markdown')
    const section = file.data.section
    return section ? within(tree, tree.children, section) : tree
  }
}

/** rehype plugin: as `remarkSection`, with the blocks of `htmlBlocks`. */
export function rehypeSection(): Transformer<HastRoot, HastRoot> {
  return function (tree, file) {
    // An empty or blank page has a tree without a position, which hast-util-to-nlcst refuses.
    tree.position ??= {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
    prepareMarkup(tree, 'html')
    const section = file.data.section
    return section ? within(tree, htmlBlocks(tree), section) : tree
  }
}

/** Trees already cut by `prepareMarkup`: a long article's tree is read once per section. */
const prepared = new WeakSet<MdastRoot | HastRoot>()
/** Each prepared HTML tree's blocks (see `htmlBlocks`). */
const blocksOf = new WeakMap<HastRoot, HastRoot['children']>()

/** Cuts what the bridges cannot take in one piece (see `splitLongTexts`, `splitLargeBlocks`), once per tree. */
function prepareMarkup(tree: MdastRoot | HastRoot, format: 'markdown' | 'html'): void {
  if (prepared.has(tree)) return
  if (format === 'markdown') splitLargeBlocks(tree as MdastRoot)
  else splitLongTexts(tree)
  prepared.add(tree)
}

/** Text nodes longer than this are cut into pieces before the bridges read them. */
const longText = 8192

/**
 * The bridges push each text node's words onto a list with one call
 * (`push(...words)`), which overflows the stack past about 100,000 words: a
 * paragraph of some 400 KB. Each longer text node is cut into pieces at
 * single spaces inside a line, which the tokenizer would have split at
 * anyway, so the words are the same; each piece is placed where its text
 * starts (retextRealign then corrects for character references).
 */
function splitLongTexts(tree: MdastRoot | HastRoot): void {
  const visitParent = (parent: {children: unknown[]}): void => {
    let changed = false
    const children: unknown[] = []
    for (const child of parent.children as Array<{type: string; value?: string; children?: unknown[]; position?: Position}>) {
      if (child.type === 'text' && typeof child.value === 'string' && child.value.length > longText && child.position) {
        const pieces = cutText(child.value, child.position)
        if (pieces.length > 1) changed = true
        for (const piece of pieces) children.push({...child, ...piece})
      } else {
        if (Array.isArray(child.children)) visitParent(child as {children: unknown[]})
        children.push(child)
      }
    }
    if (changed) parent.children = children
  }
  visitParent(tree as {children: unknown[]})
}

function cutText(value: string, position: Position): Array<{value: string; position: Position}> {
  const pieces: Array<{value: string; position: Position}> = []
  let from = 0
  let start = position.start
  while (value.length - from > longText) {
    let cut = value.lastIndexOf(' ', from + longText)
    while (cut > from && !(/\S/u.test(value.charAt(cut - 1)) && /\S/u.test(value.charAt(cut + 1)))) cut = value.lastIndexOf(' ', cut - 1)
    if (cut <= from) break
    const end = pointAfter(start, value.slice(from, cut + 1))
    pieces.push({value: value.slice(from, cut + 1), position: {start, end}})
    from = cut + 1
    start = end
  }
  pieces.push({value: value.slice(from), position: {start, end: position.end}})
  return pieces
}

/** The point after `text` read from `start` (offsets in characters of the text). */
function pointAfter(start: Point, text: string): Point {
  const breaks = text.split('\n')
  const offset = (start.offset ?? 0) + text.length
  return breaks.length === 1
    ? {line: start.line, column: start.column + text.length, offset}
    : {line: start.line + breaks.length - 1, column: breaks.at(-1)!.length + 1, offset}
}

/** A Markdown block longer than this is cut into blocks of its kind, each at most about this long. */
const largeBlock = 32 * 1024

/**
 * mdast-util-to-nlcst also pushes all the words of a block onto its
 * parent's list with one call, so a long paragraph, list or block quote
 * overflows the stack however its text nodes are cut. Such a block becomes
 * several blocks of its kind (a paragraph's parts cut at the pieces of
 * `splitLongTexts`, inside a line, so nothing comes between them; a list's or
 * quote's between children on different lines, where a line break comes
 * between them anyway): the words and the breaks between them are the
 * same, and a long Markdown article gets places to cut its sections.
 */
function splitLargeBlocks(tree: MdastRoot): void {
  splitLongTexts(tree)
  const visit = (parent: {children: MdastNode[]}): void => {
    let changed = false
    const children: MdastNode[] = []
    for (const child of parent.children) {
      if (!('children' in child) || !child.position) {
        children.push(child)
        continue
      }
      visit(child as {children: MdastNode[]})
      const parts = length(child) > largeBlock ? cutBlock(child as MdastNode & {children: MdastNode[]}) : [child]
      if (parts.length > 1) changed = true
      children.push(...parts)
    }
    if (changed) parent.children = children
  }
  visit(tree as {children: MdastNode[]})
}

type MdastNode = MdastRoot['children'][number]

function length(node: MdastNode): number {
  return (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0)
}

function cutBlock(block: MdastNode & {children: MdastNode[]}): MdastNode[] {
  const inline = block.type === 'paragraph' || block.type === 'heading'
  const parts: MdastNode[][] = [[]]
  let size = 0
  for (const [index, child] of block.children.entries()) {
    const previous = block.children[index - 1]
    const canCut =
      previous?.position !== undefined &&
      child.position !== undefined &&
      (inline ? previous.position.end.line === child.position.start.line && previous.type === 'text' && child.type === 'text' : previous.position.end.line !== child.position.start.line)
    if (canCut && size > 0 && size + length(child) > largeBlock) {
      parts.push([])
      size = 0
    }
    parts.at(-1)!.push(child)
    size += length(child)
  }
  return parts.map((children) => ({...block, children, position: {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}}) as MdastNode)
}

/** A root of the `blocks` that start in `section` (with the document's position: the converters want one). */
function within<Tree extends MdastRoot | HastRoot>(tree: Tree, blocks: Tree['children'], section: Section): Tree {
  const children = blocks.filter((block) => {
    const start = blockStart(block)?.offset
    return start !== undefined && start >= section.start && start < section.end
  })
  const root = {type: 'root', children} as Tree
  if (tree.position) root.position = tree.position
  return root
}

/** Elements that hast-util-to-nlcst reads child by child: cutting between their block children changes nothing. */
const htmlContainers = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'nav', 'aside', 'blockquote', 'form', 'fieldset', 'details', 'dialog', 'figure', 'address'])
/**
 * Elements that are never phrasing content (hast-util-phrasing), so never
 * part of an implicit paragraph. Not `script`, `noscript` or `template`:
 * those are phrasing, and white space beside them makes one.
 */
const htmlBlockElements = new Set([
  ...htmlContainers,
  'head', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'pre', 'hr', 'figcaption', 'li', 'dd', 'dt', 'style'
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
  const known = blocksOf.get(tree)
  if (known) return known
  const blocks: HastRoot['children'] = []
  const open = (children: HastRoot['children']): void => {
    for (const child of children) {
      // An element marked for hast-util-to-nlcst (data-nlcst="ignore" or "source") is read whole.
      if (child.type === 'element' && htmlContainers.has(child.tagName) && child.properties['dataNlcst'] === undefined && child.children.every(isBlockOrBlank)) {
        open(child.children)
      } else if (child.type === 'element' || child.type === 'text') {
        blocks.push(child)
      }
    }
  }
  open(tree.children)
  if (prepared.has(tree)) blocksOf.set(tree, blocks)
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
