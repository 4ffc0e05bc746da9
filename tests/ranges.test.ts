import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {afterEarlierSections, notBody} from '../pipeline/ranges.ts'

interface Finding {
  sentence: number
}

const sentenceOf = (finding: Finding): number => finding.sentence

describe('afterEarlierSections', () => {
  const cases: Array<{name: string; previous: Finding[] | undefined; sectionStart: number; found: Finding[]; expected: number[]}> = [
    {name: 'an article, or the first section: only what it found', previous: [{sentence: 0}], sectionStart: 0, found: [{sentence: 5}], expected: [5]},
    {name: 'nothing found before', previous: undefined, sectionStart: 100, found: [{sentence: 120}], expected: [120]},
    {name: 'earlier sections, then this one', previous: [{sentence: 0}, {sentence: 40}], sectionStart: 100, found: [{sentence: 120}], expected: [0, 40, 120]},
    {name: 'a finding of this section from an earlier run is dropped', previous: [{sentence: 0}, {sentence: 100}, {sentence: 150}], sectionStart: 100, found: [{sentence: 120}], expected: [0, 120]},
    {name: 'nothing found in this section', previous: [{sentence: 0}], sectionStart: 100, found: [], expected: [0]}
  ]
  for (const {name, previous, sectionStart, found, expected} of cases) {
    it(name, () => {
      expect(afterEarlierSections(previous, sectionStart, found, sentenceOf).map(sentenceOf)).toEqual(expected)
    })
  }

  it('grows the list in place when it holds only earlier findings, and copies it otherwise', () => {
    const earlier = [{sentence: 0}, {sentence: 40}]
    expect(afterEarlierSections(earlier, 100, [{sentence: 120}], sentenceOf)).toBe(earlier)
    const stale = [{sentence: 0}, {sentence: 130}]
    const result = afterEarlierSections(stale, 100, [{sentence: 120}], sentenceOf)
    expect(result).not.toBe(stale)
    expect(stale.map(sentenceOf)).toEqual([0, 130])
  })
})

describe('notBody', () => {
  it('follows the furniture, headings and dateline as they change', () => {
    const file = new VFile('Headline\nBody text.\n')
    expect(notBody(file).find(3)).toBeUndefined()
    file.data.furniture = [{start: 0, end: 8, kind: 'promo'}]
    expect(notBody(file).find(3)).toEqual(expect.objectContaining({start: 0, end: 8}))
    file.data.furniture = [...file.data.furniture, {start: 9, end: 19, kind: 'promo'}]
    expect(notBody(file).find(12)).toEqual(expect.objectContaining({start: 9, end: 19}))
    file.data.furniture.push({start: 20, end: 21, kind: 'promo'})
    expect(notBody(file).find(20)).toEqual(expect.objectContaining({start: 20, end: 21}))
  })
})
