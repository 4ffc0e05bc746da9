import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readAnnotation} from '../pipeline/review/read.ts'

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

  it('reads a reviewer’s plain `status: false` as the verdict "false"', () => {
    const text = readFileSync(new URL('./fixtures/invalid-annotations/unknown-status.yaml', import.meta.url), 'utf8')
    const read = readAnnotation(text.replace('status: verifed', 'status: false'))
    expect('annotation' in read && read.annotation.sentences[0]!.review.status).toBe('false')
  })
})
