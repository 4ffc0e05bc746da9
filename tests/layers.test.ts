import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const pipeline = fileURLToPath(new URL('../pipeline/', import.meta.url))

/** The folders under pipeline/ that a file imports from (relative imports only). */
function importedFolders(folder: string): Array<{file: string; folder: string}> {
  const found: Array<{file: string; folder: string}> = []
  for (const name of readdirSync(path.join(pipeline, folder), {recursive: true, encoding: 'utf8'})) {
    if (!/\.(?:ts|mts|mjs)$/u.test(name)) continue
    const file = path.join(pipeline, folder, name)
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/gu)) {
      const target = path.relative(pipeline, path.resolve(path.dirname(file), match[1]!))
      found.push({file: path.relative(pipeline, file), folder: target.split(path.sep)[0]!})
    }
  }
  return found
}

describe('the pipeline’s layers', () => {
  // annotation/ (the model and the emitter) is below review/ (read, merge, compare), which is
  // below compiler/ (the plugin that builds, merges and emits): imports run one way.
  const cases: Array<[string, string[]]> = [
    ['annotation', ['review', 'compiler', 'review-app', 'cli', 'export', 'train', 'eval']],
    ['review', ['compiler', 'review-app', 'cli', 'export', 'train', 'eval']],
    ['claims', ['train', 'eval', 'cli', 'compiler']],
    // The tagger reads the rules' findings; the rules never read the tagger.
    ['attribution', ['attribution-model', 'train', 'eval', 'cli', 'compiler']],
    ['attribution-model', ['train', 'eval', 'cli', 'compiler']]
  ]
  it.each(cases)('%s/ imports nothing from the layers above it', (folder, above) => {
    const wrong = importedFolders(folder).filter((item) => above.includes(item.folder))
    expect(wrong).toEqual([])
  })

  it('sees imports at all (a check that found none could not fail)', () => {
    expect(importedFolders('review').some((item) => item.folder === 'annotation')).toBe(true)
    expect(importedFolders('compiler').map((item) => item.folder)).toEqual(expect.arrayContaining(['annotation', 'review']))
  })
})
