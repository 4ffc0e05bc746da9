import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allSpans, analyze} from './helpers.ts'

/**
 * Whole articles: `tests/fixtures/articles/NAME/article.txt` and the
 * annotation it must give, `expected.yaml`, reviewed by hand. After an
 * intended change, `npm run fixtures` rewrites the expected files; review
 * their diff before committing.
 */
const folder = new URL('./fixtures/articles/', import.meta.url)
const names = readdirSync(folder)

describe('article fixtures', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s', (name) => {
    const path = `tests/fixtures/articles/${name}/article.txt`
    const text = readFileSync(new URL(`${name}/article.txt`, folder), 'utf8')
    const {yaml, annotation} = analyze(text, path, `tests/fixtures/articles/${name}/expected.yaml`)
    expect(yaml).toBe(readFileSync(new URL(`${name}/expected.yaml`, folder), 'utf8'))
    for (const span of allSpans(annotation)) expect(text.slice(span.start, span.end), span.where).toBe(span.text)
  })
})
