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

/** Lines are parsed alone: each position moves to its line and absolute offset. */
function shift(node: Node, line: number, offset: number): void {
  const position = node.position
  if (position) {
    position.start = {line, column: position.start.column, offset: (position.start.offset ?? 0) + offset}
    position.end = {line, column: position.end.column, offset: (position.end.offset ?? 0) + offset}
  }
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) shift(child, line, offset)
  }
}

export type {Paragraph, Sentence}
