import type {Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import './types.ts'

/**
 * Find which of many non-overlapping ranges holds an offset, by binary
 * search: a long document has thousands of furniture paragraphs, and a
 * linear scan per sentence would make the pipeline quadratic.
 */
export class RangeLookup<Range extends {start: number; end: number}> {
  private readonly ranges: Range[]

  constructor(ranges: Iterable<Range>) {
    this.ranges = [...ranges].sort((a, b) => a.start - b.start)
  }

  /** The range with `start <= offset < end`, if any. */
  find(offset: number): Range | undefined {
    let low = 0
    let high = this.ranges.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const range = this.ranges[middle]!
      if (offset < range.start) high = middle - 1
      else if (offset >= range.end) low = middle + 1
      else return range
    }
    return undefined
  }
}

/**
 * What is not the article's body: furniture, headings (Markdown, HTML) and
 * the dateline. Neither attributions nor claims are looked for there.
 */
export function notBody(file: VFile): RangeLookup<{start: number; end: number}> {
  const ranges: Array<{start: number; end: number}> = [...(file.data.furniture ?? []), ...(file.data.headings ?? [])]
  if (file.data.dateline) ranges.push(file.data.dateline.sentence)
  return new RangeLookup(ranges)
}

/**
 * The body sentences of a tree (not furniture, headings or the dateline, as
 * `notBody` says), in document order, with their start offsets.
 */
export function* bodySentences(tree: Root, file: VFile): Generator<{sentence: Sentence; start: number}> {
  const skipped = notBody(file)
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      const start = sentence.position.start.offset!
      if (!skipped.find(start)) yield {sentence, start}
    }
  }
}
