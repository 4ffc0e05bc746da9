import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {loadCueLexicon} from '../pipeline/attribution/lexicon.ts'
import {SourceTyper} from '../pipeline/attribution/source.ts'
import {FlagLexicon} from '../pipeline/attribution-model/features.ts'
import {Tagger, type TaggerModelFile} from '../pipeline/attribution-model/model.ts'
import {missingAttributionData, trainAttribution} from '../pipeline/train/attribution.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(path.join(tmpdir(), 'train-attribution-'))

/**
 * An article written for these tests, its attributions marked inline:
 * [s:…] source, [c:…] cue, [n:…] content; each sentence is one attribution.
 */
function article(id: string, sentences: string[]): string {
  let text = ''
  const attributions: Array<Record<string, Array<{start: number; end: number; text: string}>>> = []
  for (const sentence of sentences) {
    const attribution: Record<string, Array<{start: number; end: number; text: string}>> = {source: [], cue: [], content: []}
    const roles = {s: 'source', c: 'cue', n: 'content'} as const
    let rest = sentence
    while (rest.length > 0) {
      const match = /\[([scn]):([^\]]*)\]/u.exec(rest)
      if (!match) {
        text += rest
        break
      }
      text += rest.slice(0, match.index)
      const start = text.length
      text += match[2]!
      attribution[roles[match[1] as 's' | 'c' | 'n']]!.push({start, end: text.length, text: match[2]!})
      rest = rest.slice(match.index + match[0].length)
    }
    text += '\n\n'
    if (attribution['cue']!.length > 0) attributions.push(attribution)
  }
  return JSON.stringify({doc_id: id, split: 'train', text, attributions}) + '\n'
}

const train = [
  article('a', [
    '[s:The mayor] [c:said] [n:the bridge would reopen in May].',
    '[n:“We are on schedule,”] [s:she] [c:told] reporters.',
    'The bridge closed in 2019.',
    '[s:Engineers] [c:blasted] [n:the delay as needless].'
  ]),
  article('b', [
    '[n:The budget is balanced], [s:the minister] [c:said].',
    '[c:According to] [s:the auditor], [n:the figures do not add up].',
    'Parliament meets on Monday.',
    '[s:Critics] [c:slammed] [n:the plan as reckless].'
  ]),
  article('c', [
    '[s:The company] [c:said] [n:profits rose by a tenth].',
    'Shares closed higher.',
    '[s:Analysts] [c:warned] [n:that demand could fall].',
    '[s:Unions] [c:blasted] [n:the offer as an insult].'
  ])
]
const dev = [
  article('d', ['[s:The governor] [c:said] [n:the roads were clear].', 'Snow fell overnight.', '[s:Residents] [c:slammed] [n:the response as slow].'])
]

const data = path.join(work, 'data')
mkdirSync(path.join(data, 'attribution'), {recursive: true})
writeFileSync(path.join(data, 'attribution/polnear-train.jsonl'), train.join(''))
writeFileSync(path.join(data, 'attribution/polnear-dev.jsonl'), dev.join(''))
const onlyTrain = path.join(work, 'only-train')
mkdirSync(path.join(onlyTrain, 'attribution'), {recursive: true})
writeFileSync(path.join(onlyTrain, 'attribution/polnear-train.jsonl'), train.join(''))

const small = {reviews: [], reviewsOnly: false, reviewWeight: 1, cValues: [1], missedWeights: [1], minCount: 1, prune: 0.001, epochs: 10, rate: 0.05, command: 'test', root}
const flagLexicon = new FlagLexicon(loadCueLexicon(), new SourceTyper(new URL('../pipeline/attribution/data/sources.yml', import.meta.url)))

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/train/cli.ts')
function run(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [tsx, cli, ...args], {cwd: work, encoding: 'utf8'})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('npm run train -- attribution', () => {
  it('gives the same bytes for the same data, a file the tagger loads, with its provenance and dev figures', async () => {
    const first = await trainAttribution({...small, data})
    const second = await trainAttribution({...small, data})
    expect(second.text).toBe(first.text)
    const model = JSON.parse(first.text) as TaggerModelFile
    expect(() => Tagger.fromFile(model, flagLexicon)).not.toThrow()
    const header = model.header as {
      data: Array<{file: string; split: string; rows: string; sha256: string; terms: string}>
      held: string
      development: {rulesAlone: Record<string, number>; withTagger: Record<string, number>}
      hyperparameters: {c: number; decoding: {keepRule: number; newCue: number}}
    }
    expect(header.data.map((entry) => [entry.file.split('/data/')[1], entry.split, entry.rows])).toEqual([
      ['attribution/polnear-train.jsonl', 'train', '3 articles, 12 body sentences, 9 attributions']
    ])
    expect(header.data[0]!.sha256).toBe(createHash('sha256').update(train.join('')).digest('hex'))
    expect(header.data[0]!.terms).toMatch(/no licence/u)
    expect(header.held).toMatch(/development split/u)
    expect(header.hyperparameters.c).toBe(1)
    expect(Object.keys(header.development.withTagger)).toEqual(['source', 'cue', 'content', 'cuePrecision', 'cueRecall', 'taggerOnlyCues', 'taggerOnlyCuesOnGold'])
    // Each feature a line, weights for every tag.
    expect(first.text.split('\n').filter((line) => /^ {4}"word=blasted": \[/u.test(line))).toHaveLength(1)
    for (const values of Object.values(model.features)) expect(values).toHaveLength(7)
  })

  it('learns a cue the rules do not know from the training data', async () => {
    const trained = await trainAttribution({...small, data})
    const weights = trained.model.features['word=blasted']!
    // B-CUE outweighs O for "blasted".
    expect(weights[3]!).toBeGreaterThan(weights[0]!)
  })

  it('trains without a development split, and says nothing was measured', async () => {
    const trained = await trainAttribution({...small, data: onlyTrain})
    expect(trained.model.header['development']).toBe('no development split found: nothing measured')
  })

  it('names the data it is missing', () => {
    const absent = path.join(work, 'nowhere')
    expect(missingAttributionData({data: absent, reviews: [], reviewsOnly: false})).toEqual([path.join(absent, 'attribution/polnear-train.jsonl')])
    expect(missingAttributionData({data: absent, reviews: [], reviewsOnly: true})).toEqual([
      '--reviews DIR (a folder of annotation YAML): --reviews-only trains on reviews alone'
    ])
  })

  it('trains on a desk’s reviews alone: rejected attributions are negatives, added ones positives', async () => {
    const folder = mkdtempSync(path.join(work, 'reviews-'))
    let yaml = readFileSync(path.join(root, 'annotations/us-china-trade-talks.yaml'), 'utf8')
    // The first attribution a reviewer rejects, in its own sentence's review block.
    const first = /- id: "(a-[0-9a-f]{8})"/u.exec(yaml)!
    const review = yaml.indexOf('    review:\n      status: unreviewed\n', first.index)
    const blockEnd = review + '    review:\n      status: unreviewed\n'.length
    yaml = `${yaml.slice(0, blockEnd)}      rejected: ["${first[1]!}"]\n${yaml.slice(blockEnd)}`
    // An attribution the tool missed, added to the opening sentence's review.
    const opening = yaml.indexOf('    review:\n      status: unreviewed\n', yaml.indexOf('text: "China is counting on'))
    const openingEnd = opening + '    review:\n      status: unreviewed\n'.length
    const added = '      added:\n        - source: "China"\n          cue: "is counting on"\n          content: "promises of big purchases of U.S. semiconductors and other goods"\n          note: ""\n'
    yaml = `${yaml.slice(0, openingEnd)}${added}${yaml.slice(openingEnd)}`
    writeFileSync(path.join(folder, 'reviewed.yaml'), yaml)
    const trained = await trainAttribution({...small, data: path.join(work, 'nowhere'), reviews: [folder], reviewsOnly: true})
    const header = trained.model.header as {data: Array<{split: string; rows: string}>; held: string}
    expect(header.data.map((entry) => [entry.split, entry.rows])).toEqual([['reviewed', '2 sentences']])
    expect(header.held).toBe('reviews only: no third-party data')
    // The added cue's words lean to cue, the rejected one's to outside.
    const counting = trained.model.features['word=counting']!
    expect(counting[4]!).toBeGreaterThan(counting[0]!)
    const rejectedCue = trained.model.features['word=according']!
    expect(rejectedCue[0]!).toBeGreaterThan(rejectedCue[3]!)
    await expect(trainAttribution({...small, data: path.join(work, 'nowhere'), reviews: [mkdtempSync(path.join(work, 'empty-'))], reviewsOnly: true})).rejects.toThrow(
      /no training sentences/u
    )
  })

  it('trains from the command line, and says what data is missing', () => {
    const out = path.join(work, 'tagger.json')
    const result = run('attribution', '--data', data, '--out', out, '--c', '1', '--min-count', '1', '--epochs', '5', '--quiet')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/train attribution: wrote tagger\.json \(\d+ features, [\d.]+ MB\)/u)
    expect(() => Tagger.fromFile(JSON.parse(readFileSync(out, 'utf8')) as TaggerModelFile, flagLexicon)).not.toThrow()
    const missing = run('attribution', '--data', path.join(work, 'nowhere'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('polnear-train.jsonl')
    expect(run('attribution', '--epochs', 'many').status).toBe(2)
    expect(run('--help').stdout).toContain('npm run train -- attribution')
  })
})
