import type {Paragraph, Root, RootContent, Sentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
// For its declaration of the `nlcst*Extensions` processor data, which this parser honours.
import type {} from 'retext-english'
import type {Plugin} from 'unified'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import type {Section} from '../types.ts'

const lineBreakPattern = /\r\n|\r|\n|\u2028|\u2029/gu

/**
 * A long text cut into sections of whole lines, each ending after the first
 * line break at or past `size` characters from its start (a line longer than
 * that is a section of its own).
 */
export function lineSections(value: string, size: number): Section[] {
  const sections: Section[] = []
  const lineBreak = new RegExp(lineBreakPattern)
  let start = 0
  let line = 1
  let lines = 0
  for (;;) {
    const match = lineBreak.exec(value)
    const breakEnd = match ? match.index + match[0].length : value.length
    if (match) lines++
    if (!match || breakEnd - start >= size) {
      if (breakEnd > start) sections.push({start, end: breakEnd, line})
      start = breakEnd
      line += lines
      lines = 0
    }
    if (!match) break
  }
  return sections
}

/**
 * Parser plugin: English text where every line is a paragraph (as news text
 * files are), parsed one paragraph at a time.
 *
 * parse-english only breaks paragraphs at blank lines, and its cost grows
 * faster than linearly with the length of one parse; handing it one line at a
 * time keeps the cost linear in the document's size. Positions are shifted so
 * that every node refers to the original file. Extensions registered for
 * retext-english (`nlcst*Extensions`) are honoured. With `file.data.section`
 * set, only that section's lines are parsed, positions still in the whole
 * file.
 */
const retextEnglishLines: Plugin<[], string, Root> = function () {
  const processor = this
  processor.parser = parse

  function parse(value: string, file: VFile): Root {
    const children: RootContent[] = []
    const section = file.data.section
    const lineBreak = new RegExp(lineBreakPattern)
    const sectionEnd = section ? section.end : value.length
    let lineStart = section ? section.start : 0
    let line = section ? section.line : 1
    lineBreak.lastIndex = lineStart
    const rootStart = {line, column: 1, offset: lineStart}
    // One parser for every line: parse() keeps no state between calls.
    const english = parser()
    for (;;) {
      const found = lineBreak.exec(value)
      const match = found && found.index < sectionEnd ? found : null
      const lineEnd = match ? match.index : sectionEnd
      if (lineEnd > lineStart) {
        const parsed = english.parse(value.slice(lineStart, lineEnd))
        for (const child of parsed.children) {
          shift(child, line, lineStart)
          push(children, child)
        }
      }
      if (!match) break
      const breakEnd = match.index + match[0].length
      push(children, {
        type: 'WhiteSpaceNode',
        value: match[0],
        position: {
          start: {line, column: match.index - lineStart + 1, offset: match.index},
          end: {line: line + 1, column: 1, offset: breakEnd}
        }
      })
      line++
      lineStart = breakEnd
    }
    const end = children.at(-1)?.position?.end ?? rootStart
    return {
      type: 'RootNode',
      children,
      position: {start: rootStart, end: {...end}}
    }
  }

  function parser(): ParseEnglish {
    const instance = new ParseEnglish()
    const sentence = processor.data('nlcstSentenceExtensions')
    const paragraph = processor.data('nlcstParagraphExtensions')
    const root = processor.data('nlcstRootExtensions')
    if (sentence) instance.tokenizeSentencePlugins.unshift(...sentence)
    if (paragraph) instance.tokenizeParagraphPlugins.unshift(...paragraph)
    if (root) instance.tokenizeRootPlugins.unshift(...root)
    return instance
  }
}

export default retextEnglishLines

/** Adjacent white space (a line's trailing spaces and its line break) becomes one node. */
function push(children: RootContent[], node: RootContent): void {
  const previous = children.at(-1)
  if (previous?.type === 'WhiteSpaceNode' && node.type === 'WhiteSpaceNode' && previous.position && node.position) {
    previous.value += node.value
    previous.position.end = node.position.end
    return
  }
  children.push(node)
}

/**
 * Lines are parsed alone: each position moves to its line and absolute
 * offset. Points are changed in place (new objects for every node of a long
 * document would double its garbage). parse-english gives a parent the very
 * point objects of its first and last child, so children go first and a
 * parent's shared points are left as they are.
 */
function shift(node: Node, line: number, offset: number): void {
  let first: Node | undefined
  let last: Node | undefined
  if (node.type === 'WordNode' && 'children' in node && Array.isArray(node.children)) {
    // The pieces of a word ("U", ".", "S", ".") keep no position of their own: every plugin reads
    // words, marks and spaces, and a long document holds a million of them.
    for (const child of node.children as Node[]) delete child.position
  } else if ('children' in node && Array.isArray(node.children)) {
    const children = node.children as Node[]
    for (const child of children) shift(child, line, offset)
    first = children[0]
    last = children.at(-1)
  }
  const position = node.position
  if (!position) return
  if (position.start !== first?.position?.start && position.start !== last?.position?.start) {
    position.start.line = line
    position.start.offset = (position.start.offset ?? 0) + offset
  }
  if (position.end !== last?.position?.end && position.end !== first?.position?.end && position.end !== position.start) {
    position.end.line = line
    position.end.offset = (position.end.offset ?? 0) + offset
  }
}

export type {Paragraph, Sentence}
