import type {Paragraph, Root, RootContent, Sentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
// For its declaration of the `nlcst*Extensions` processor data, which this parser honours.
import type {} from 'retext-english'
import type {Plugin} from 'unified'
import type {Node} from 'unist'

/**
 * Parser plugin: English text where every line is a paragraph (as news text
 * files are), parsed one paragraph at a time.
 *
 * parse-english only breaks paragraphs at blank lines, and its cost grows
 * faster than linearly with the length of one parse; handing it one line at a
 * time keeps the cost linear in the document's size. Positions are shifted so
 * that every node refers to the original file. Extensions registered for
 * retext-english (`nlcst*Extensions`) are honoured.
 */
const retextEnglishLines: Plugin<[], string, Root> = function () {
  const processor = this
  processor.parser = parse

  function parse(value: string): Root {
    const children: RootContent[] = []
    const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g
    let lineStart = 0
    let line = 1
    for (;;) {
      const match = lineBreak.exec(value)
      const lineEnd = match ? match.index : value.length
      if (lineEnd > lineStart) {
        const parsed = parser().parse(value.slice(lineStart, lineEnd))
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
    const end = children.at(-1)?.position?.end ?? {line: 1, column: 1, offset: 0}
    return {
      type: 'RootNode',
      children,
      position: {start: {line: 1, column: 1, offset: 0}, end: {...end}}
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
