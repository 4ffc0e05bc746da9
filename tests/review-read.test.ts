import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readAnnotation, readQuickly} from '../pipeline/review/read.ts'

/** Annotation files a reviewer broke, each one line off a valid file, and what must be reported where. */
const cases: Array<[string, Array<{line: number; column: number; message: string}>]> = [
  ['syntax-error.yaml', [{line: 51, column: 26, message: 'YAML syntax: Missing closing "quote'}]],
  [
    'unknown-status.yaml',
    [{line: 48, column: 15, message: 'sentences[0].review.status: expected one of unreviewed, verified, disputed, false, misleading, unverifiable, not-a-claim'}]
  ],
  ['wrong-type.yaml', [{line: 51, column: 13, message: 'sentences[0].review.note: expected text (a string)'}]],
  ['evidence-not-a-list.yaml', [{line: 52, column: 17, message: 'sentences[0].review.evidence: expected a list'}]],
  ['duplicate-id.yaml', [{line: 53, column: 9, message: 'sentences[1].id: duplicate id s-0e3ce95d47 (also sentences[0])'}]],
  [
    'unknown-key.yaml',
    [
      {
        line: 50,
        column: 7,
        message: 'sentences[0].review.verdict: unknown key; expected one of status, reviewer, date, note, evidence, rejected, added, needs_recheck, previous_text'
      }
    ]
  ],
  ['bad-date.yaml', [{line: 50, column: 13, message: 'sentences[0].review.date: expected a date as YYYY-MM-DD'}]],
  ['comment.yaml', [{line: 66, column: 25, message: 'comments are not kept when the file is rewritten: write this in the sentence’s `note`'}]]
]

describe('readAnnotation', () => {
  it.each(cases)('%s', (name, problems) => {
    const text = readFileSync(new URL(`./fixtures/invalid-annotations/${name}`, import.meta.url), 'utf8')
    expect(readAnnotation(text)).toEqual({problems})
  })

  // Valid files, as written and as a reviewer might edit them: the quick way (js-yaml) and the way
  // with positions (yaml) must read the same annotation.
  const seed = readFileSync(new URL('../annotations/us-china-trade-talks.yaml', import.meta.url), 'utf8')
  const fixture = readFileSync(new URL('./fixtures/articles/senate-budget-vote/expected.yaml', import.meta.url), 'utf8')
  const firstReview = (edit: string): string => {
    const edited = seed.replace('      status: unreviewed\n      reviewer: ""\n      date: ""\n      note: ""\n      evidence: []', edit)
    if (edited === seed) throw new Error('the seed annotation has no review block to edit')
    return edited
  }
  const valid: Array<[string, string]> = [
    ['the seed as written', seed],
    ['an article with attributions as written', fixture],
    ['plain scalars, a folded note and a list of evidence', firstReview('      status: verified\n      reviewer: Jane Doe\n      date: 2026-11-28\n      note: >-\n        Checked against the\n        ministry release.\n      evidence:\n        - https://example.com/release\n        - Ministry statement, 3 May')],
    ['plain `false`', firstReview('      status: false\n      reviewer: ""\n      date: ""\n      note: ""\n      evidence: []')],
    ['a flow list and single quotes', firstReview("      status: 'disputed'\n      reviewer: 'J. Doe'\n      date: ''\n      note: 'It''s contested'\n      evidence: [a, b]")]
  ]

  it.each(valid)('reads %s the same both ways', (_name, text) => {
    const quick = readQuickly(text)
    const careful = readAnnotation(text, {positions: true})
    expect('annotation' in careful, JSON.stringify(careful).slice(0, 300)).toBe(true)
    expect(quick).toBeDefined()
    expect({annotation: quick}).toEqual(careful)
  })

  it.each(cases.map(([name]) => name))('leaves %s to the careful way', (name) => {
    const text = readFileSync(new URL(`./fixtures/invalid-annotations/${name}`, import.meta.url), 'utf8')
    expect(readQuickly(text)).toBeUndefined()
  })

  // What js-yaml and yaml could read differently goes the careful way.
  const careful: Array<[string, string]> = [
    ['lines ending in a lone CR, with a comment', firstReview('      status: verified\n      reviewer: x # call back Monday\n      date: ""\n      note: ""\n      evidence: []').replace(/\n/gu, '\r')],
    ['a CR inside a note', firstReview('      status: verified\n      reviewer: x\n      date: ""\n      note: "abc\rdef"\n      evidence: []')],
    ['a %YAML 1.1 directive', `%YAML 1.1\n---\n${firstReview('      status: verified\n      reviewer: x\n      date: ""\n      note: yes\n      evidence: []').split('\n').filter((line) => !line.startsWith('#')).join('\n')}`],
    ['a binary number', seed.replace(/offset: 0\}/u, 'offset: 0b0}')]
  ]

  it.each(careful)('leaves a file with %s to the careful way', (_name, text) => {
    expect(readQuickly(text)).toBeUndefined()
  })

  it('reports an alias with no anchor at its place instead of failing', () => {
    const text = firstReview('      status: verified\n      reviewer: x\n      date: ""\n      note: *see-above\n      evidence: []')
    const line = text.split('\n').findIndex((row) => row.includes('*see-above')) + 1
    expect(readAnnotation(text)).toEqual({problems: [{line, column: 13, message: 'YAML: Unresolved alias (the anchor must be set before the alias): see-above'}]})
  })

  it('reports a comment in a file whose lines end in a lone CR', () => {
    const read = readAnnotation(careful[0]![1])
    expect('problems' in read).toBe(true)
  })

  it('reads an evidence URL with a "#" (the careful way) without calling it a comment', () => {
    // The first body sentence: the dateline before it has no review block.
    const text = firstReview('      status: verified\n      reviewer: ""\n      date: ""\n      note: ""\n      evidence: ["https://example.com/page#section"]')
    const read = readAnnotation(text)
    expect('annotation' in read && read.annotation.sentences[1]!.review.evidence).toEqual(['https://example.com/page#section'])
  })

  it('reads a reviewer’s plain `status: false` as the verdict "false"', () => {
    const text = readFileSync(new URL('./fixtures/invalid-annotations/unknown-status.yaml', import.meta.url), 'utf8')
    const read = readAnnotation(text.replace('status: verifed', 'status: false'))
    expect('annotation' in read && read.annotation.sentences[0]!.review.status).toBe('false')
  })
})
