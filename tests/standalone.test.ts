import {readFileSync, readdirSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import retextAttribution from '../pipeline/attribution/index.ts'
import {analyze} from './helpers.ts'

describe('plugins alone', () => {
  it('runs the README example: attribution after plain retext-english', () => {
    const processor = unified().use(retextEnglish).use(retextAttribution)
    const file = new VFile('Prices will rise, Finance Minister Jane Doe said.')
    processor.runSync(processor.parse(file), file)
    expect(file.data.attributions).toMatchObject([
      {
        rule: 'postposed',
        source: {text: 'Finance Minister Jane Doe', type: 'named-person', anonymous: false, basis: null},
        cue: {text: 'said', start: 44, end: 48},
        content: [{text: 'Prices will rise', start: 0, end: 16}]
      }
    ])
  })
})

describe('committed annotations', () => {
  const seeds = new URL('../seeds/', import.meta.url)
  const names = readdirSync(seeds, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.txt'))

  it.each(names)('annotations/%s is what the pipeline writes now', (name) => {
    const text = readFileSync(new URL(name, seeds), 'utf8')
    const yamlName = name.replace(/\.txt$/u, '.yaml')
    const committed = readFileSync(new URL(`../annotations/${yamlName}`, import.meta.url), 'utf8')
    expect(analyzeFor(text, name, yamlName)).toBe(committed)
  })
})

function analyzeFor(text: string, name: string, yamlName: string): string {
  return analyze(text, `seeds/${name}`, `annotations/${yamlName}`).yaml
}
