/** Where a paragraph quotes: the attribution rules and the tagger read the same regions. */

import type {Paragraph} from 'nlcst'

/** A quoted stretch: `start`/`end` take in the marks, `innerStart`/`innerEnd` leave them out. */
export interface QuoteRegion {
  start: number
  end: number
  innerStart: number
  innerEnd: number
}

/**
 * Quoted stretches of a paragraph, by offsets: “curly”, "straight" and
 * ''doubled'' (as some papers print them), from an opening mark to its closing one.
 */
export function quoteRegions(paragraph: Paragraph, text: string): QuoteRegion[] {
  const regions: QuoteRegion[] = []
  const start = paragraph.position?.start.offset ?? 0
  const end = paragraph.position?.end.offset ?? 0
  let open: {at: number; length: number; toggle: boolean} | undefined
  for (let index = start; index < end; index++) {
    const char = text[index]!
    const doubled = char === "'" && text[index + 1] === "'"
    if (char === '“' && open === undefined) open = {at: index, length: 1, toggle: false}
    else if (char === '”' && open && !open.toggle) {
      regions.push({start: open.at, end: index + 1, innerStart: open.at + 1, innerEnd: index})
      open = undefined
    } else if (char === '"' && open && !open.toggle && mixedCloser(text, index, end)) {
      // “We’re going to build a wall," he said: a straight mark closes a curly quote when no
      // curly closer follows before the next curly opener.
      regions.push({start: open.at, end: index + 1, innerStart: open.at + 1, innerEnd: index})
      open = undefined
    } else if (char === '"' || doubled) {
      const length = doubled ? 2 : 1
      if (open === undefined) open = {at: index, length, toggle: true}
      else if (open.toggle && open.length === length) {
        regions.push({start: open.at, end: index + length, innerStart: open.at + length, innerEnd: index})
        open = undefined
      }
      index += length - 1
    }
  }
  return regions
}

/** The regions (in order, apart, as quoteRegions makes them) that overlap `from`–`to`. */
export function regionsWithin(regions: QuoteRegion[], from: number, to: number): QuoteRegion[] {
  let low = 0
  let high = regions.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (regions[middle]!.end <= from) low = middle + 1
    else high = middle
  }
  let end = low
  while (end < regions.length && regions[end]!.start < to) end++
  return regions.slice(low, end)
}

/** Whether a straight mark at `index` stands where a curly “ left open should close. */
function mixedCloser(text: string, index: number, end: number): boolean {
  if (!/^[\s]?$/u.test(text[index + 1] ?? '') || index + 1 > end) return false
  if (!/[,.!?\w]/u.test(text[index - 1] ?? '')) return false
  const curlyClose = text.indexOf('”', index)
  if (curlyClose === -1 || curlyClose >= end) return true
  const nextOpen = text.indexOf('“', index)
  return nextOpen !== -1 && nextOpen < curlyClose
}
