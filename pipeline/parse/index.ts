import type {Paragraph, ParagraphContent, Root, RootContent, Sentence} from 'nlcst'
// For its declaration of the `nlcst*Extensions` processor data, which this parser honours.
import type {} from 'retext-english'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Section} from '../types.ts'
import {PositionedParseEnglish} from './tokenize.ts'

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
 * time keeps the cost linear in the document's size. Each line is parsed with
 * its positions starting at its place in the file (PositionedParseEnglish),
 * so every node refers to the original file. Extensions registered for
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
    // One parser for every line: its only state is where the next line starts, set before each.
    const english = parser()
    for (;;) {
      const found = lineBreak.exec(value)
      const match = found && found.index < sectionEnd ? found : null
      const lineEnd = match ? match.index : sectionEnd
      if (lineEnd > lineStart) {
        for (const child of parseLine(english, value, lineStart, lineEnd, line)) push(children, child)
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

  function parser(): PositionedParseEnglish {
    const instance = new PositionedParseEnglish()
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

/** Lines longer than this are parsed a stretch at a time. */
export const lineStretch = 16 * 1024

/**
 * "… the market. The …": a word of six or more lower-case letters (only), a
 * terminal mark, one space and a capitalised word. parse-english always ends
 * a sentence there: its lower-case abbreviations have at most five letters,
 * the others ("Northants.") start with a capital, and nothing after the
 * space is attached to the sentence before.
 */
const sureSentenceEnd = /(?<![A-Za-z])[a-z]{6,}[.?!] (?=[A-Z][a-z])/g

/**
 * One line's nodes, in the file's positions. parse-english joins the pieces
 * of words across a whole line before it splits it into sentences, splicing
 * one array as it goes, so its cost grows with the square of a line's length
 * (one line of 1 MB: 0.33 MB/s). A longer line is cut where a sentence surely
 * ends, each stretch parsed alone, and the stretches' sentences joined into
 * the one paragraph the line is: the same tree as one parse.
 */
function parseLine(english: PositionedParseEnglish, value: string, lineStart: number, lineEnd: number, line: number): RootContent[] {
  const cuts = [lineStart]
  if (lineEnd - lineStart > lineStretch) {
    const sentenceEnd = new RegExp(sureSentenceEnd)
    for (let next = lineStart + lineStretch; next < lineEnd; ) {
      sentenceEnd.lastIndex = next
      const found = sentenceEnd.exec(value)
      const cut = found ? found.index + found[0].length : lineEnd
      if (cut >= lineEnd) break
      cuts.push(cut)
      next = cut + lineStretch
    }
  }
  cuts.push(lineEnd)
  if (cuts.length === 2) {
    english.start = {line, column: 1, offset: lineStart}
    return english.parse(value.slice(lineStart, lineEnd)).children
  }
  const leading: RootContent[] = []
  const inside: ParagraphContent[] = []
  for (let index = 0; index + 1 < cuts.length; index++) {
    const from = cuts[index]!
    english.start = {line, column: from - lineStart + 1, offset: from}
    for (const child of english.parse(value.slice(from, cuts[index + 1])).children) {
      if (child.type === 'ParagraphNode') inside.push(...child.children)
      else if (inside.length === 0) leading.push(child)
      else if (child.type === 'WhiteSpaceNode') inside.push(child)
    }
  }
  // White space after the last sentence belongs to the line, as in one parse.
  const trailing: RootContent[] = []
  while (inside.at(-1)?.type === 'WhiteSpaceNode') trailing.unshift(inside.pop()!)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: inside}
  const first = inside[0]?.position
  const last = inside.at(-1)?.position
  if (first && last) paragraph.position = {start: first.start, end: last.end}
  return [...leading, paragraph, ...trailing]
}

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

export type {Paragraph, Sentence}
