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

/** The last lookup made for a file, and from what: several plugins ask for it on the same section. */
const notBodyMade = new WeakMap<VFile, {from: [unknown, number, unknown, number, unknown]; lookup: RangeLookup<{start: number; end: number}>}>()

/**
 * What is not the article's body: furniture, headings (Markdown, HTML) and
 * the dateline. Neither attributions nor claims are looked for there.
 */
export function notBody(file: VFile): RangeLookup<{start: number; end: number}> {
  const {furniture, headings, dateline} = file.data
  const from: [unknown, number, unknown, number, unknown] = [furniture, furniture?.length ?? 0, headings, headings?.length ?? 0, dateline]
  const made = notBodyMade.get(file)
  if (made && made.from.every((value, index) => value === from[index])) return made.lookup
  const ranges: Array<{start: number; end: number}> = [...(furniture ?? []), ...(headings ?? [])]
  if (dateline) ranges.push(dateline.sentence)
  const lookup = new RangeLookup(ranges)
  notBodyMade.set(file, {from, lookup})
  return lookup
}

/** The findings at or after `sectionStart` (this section's) of a list in document order, read from its end. */
export function fromSection<Finding>(findings: readonly Finding[], sectionStart: number, startOf: (finding: Finding) => number): Finding[] {
  let first = findings.length
  while (first > 0 && startOf(findings[first - 1]!) >= sectionStart) first--
  return findings.slice(first)
}

/**
 * What earlier sections of a long article found, then what this section
 * found (`found`): a finding at or after `sectionStart` is from an earlier
 * run over this section and is dropped. Findings are in document order, so
 * the last one tells whether there is any; when there is none (sections run
 * in order), the list grows in place: copying or even reading it whole at
 * every section made a long document's cost grow with the square of its
 * length.
 */
export function afterEarlierSections<Finding>(
  previous: Finding[] | undefined,
  sectionStart: number,
  found: Finding[],
  startOf: (finding: Finding) => number
): Finding[] {
  if (sectionStart === 0 || previous === undefined || previous.length === 0) return found
  if (startOf(previous.at(-1)!) >= sectionStart) return [...previous.filter((finding) => startOf(finding) < sectionStart), ...found]
  for (const finding of found) previous.push(finding)
  return previous
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
