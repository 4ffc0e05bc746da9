import {createHash} from 'node:crypto'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'
import {lexiconCopy} from '../pipeline/cli/lexicon-copy.mjs'
import {Lexicon} from '../pipeline/lexicon.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'lexicon-'))

function lexicon(name: string, text: string): () => Lexicon {
  const file = path.join(folder, name)
  writeFileSync(file, text)
  return () => new Lexicon(pathToFileURL(file))
}

/**
 * A lexicon with the compiled copy the build writes beside it, when it writes
 * one; `data` (with `ofText`) makes a copy by hand instead.
 */
function compiled(name: string, text: string, data?: unknown, ofText = text): () => Lexicon {
  const load = lexicon(name, text)
  const copy = data === undefined ? lexiconCopy(text) : JSON.stringify({sha256: createHash('sha256').update(ofText).digest('hex'), data})
  if (copy !== null) writeFileSync(path.join(folder, `${name}.json`), copy)
  return load
}

describe('Lexicon', () => {
  it('reads lists and groups', () => {
    const loaded = lexicon('good.yml', 'words: [a, B]\nverbs:\n  say: [say, said]\n  add: [add]\n')()
    expect(loaded.strings('words')).toEqual(['a', 'B'])
    expect([...loaded.groups('verbs')]).toEqual([
      ['say', ['say', 'said']],
      ['add', ['add']]
    ])
  })

  const invalid: Array<[string, string, (loaded: Lexicon) => unknown, RegExp]> = [
    ['duplicate entry', 'words:\n  - said\n  - Said\n', (l) => l.strings('words'), /dup-0\.yml:3:5: duplicate entry `Said` in `words`/u],
    ['duplicate key', 'words: [a]\nwords: [b]\n', () => undefined, /dup-1\.yml:2:1: Map keys must be unique/u],
    ['form under two lemmas', 'verbs:\n  say: [said]\n  tell: [said]\n', (l) => l.groups('verbs'), /dup-2\.yml:3:10: `said` is listed under both `say` and `tell`/u],
    ['not a list', 'words: nope\n', (l) => l.strings('words'), /dup-3\.yml:1:8: `words` must be a list of strings/u],
    ['empty entry', 'words:\n  - ""\n', (l) => l.strings('words'), /dup-4\.yml:2:5: `words` entries must be non-empty strings/u],
    ['a number', 'words:\n  - 12\n', (l) => l.strings('words'), /dup-5\.yml:2:5: `words` entries must be non-empty strings/u],
    ['missing section', 'other: [a]\n', (l) => l.strings('words'), /dup-6\.yml:1:1: missing section `words`/u],
    ['not a mapping', '- a\n- b\n', () => undefined, /dup-7\.yml:1:1: expected a mapping of lexicon sections/u],
    ['syntax error', 'words: [a, b\n', () => undefined, /dup-8\.yml:\d+:\d+: /u]
  ]

  it.each(invalid.map((row, index) => [...row, index] as const))('reports %s with file:line:column', (_name, text, use, pattern, index) => {
    const load = lexicon(`dup-${index}.yml`, text)
    expect(() => use(load())).toThrow(pattern)
  })

  it('reads the compiled copy of its very text instead of the YAML', () => {
    const loaded = compiled('copy.yml', 'words: [a, b]\nweights:\n  bias: -1\n', {words: ['x', 'y'], weights: {bias: 2}})()
    expect(loaded.strings('words')).toEqual(['x', 'y'])
    expect([...loaded.numbers('weights')]).toEqual([['bias', 2]])
  })

  it('ignores a compiled copy of other text', () => {
    const loaded = compiled('stale.yml', 'words: [a, b]\n', {words: ['x', 'y']}, 'words: [x, y]\n')()
    expect(loaded.strings('words')).toEqual(['a', 'b'])
  })

  it.each(invalid.map((row, index) => [...row, index] as const).filter(([, text]) => parseDocument(text, {uniqueKeys: true}).errors.length === 0 && !text.startsWith('-')))(
    'reports %s from the YAML, with file:line:column, when a compiled copy holds it',
    (_name, text, use, pattern, index) => {
      const load = compiled(`dup-${index}.yml`, text)
      expect(() => use(load())).toThrow(pattern)
    }
  )

  it('gets no compiled copy when an alias or a key that is not plain would hide a mistake', () => {
    expect(lexiconCopy('words: [a, b]\n')).not.toBeNull()
    expect(lexiconCopy('verbs:\n  - &s say\nnouns:\n  - *s\n')).toBeNull()
    expect(lexiconCopy('weights:\n  ? [a, b]\n  : 1\n')).toBeNull()
    expect(lexiconCopy('words: [a\n')).toBeNull()
    const load = compiled('alias.yml', 'verbs:\n  - &s say\nnouns:\n  - *s\n')
    expect(() => load().strings('nouns')).toThrow(/alias\.yml:4:5: `nouns` entries must be non-empty strings/u)
  })

  it('loads every lexicon the pipeline ships without error', async () => {
    const {createAnnotator} = await import('../pipeline/processor.ts')
    expect(() => createAnnotator()).not.toThrow()
  })
})
