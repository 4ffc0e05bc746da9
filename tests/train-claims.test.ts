import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import retextClaims, {namedFeatures} from '../pipeline/claims/index.ts'
import {checkModel, loadModel} from '../pipeline/claims/model.ts'
import retextEnglishLines from '../pipeline/parse/index.ts'
import {createAnalyzer} from '../pipeline/processor.ts'
import retextNewsSentences from '../pipeline/sentences/index.ts'
import {missingClaimData, sentenceFeatures, trainClaims} from '../pipeline/train/claims.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(path.join(tmpdir(), 'train-claims-'))
/**
 * Training data in the layout the trainer reads (claims/claimbuster-train.json,
 * claims/clef2019-train/*.tsv), made from sentences written for these tests.
 */
const fixture = path.join(work, 'data')
const own = path.join(root, 'tests/fixtures/train')
mkdirSync(path.join(fixture, 'claims/clef2019-train'), {recursive: true})
cpSync(path.join(own, 'own-sentences.json'), path.join(fixture, 'claims/claimbuster-train.json'))
for (const debate of ['debate-a.tsv', 'debate-b.tsv']) cpSync(path.join(own, debate), path.join(fixture, 'claims/clef2019-train', debate))
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/train/cli.ts')
function run(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [tsx, cli, ...args], {cwd: work, encoding: 'utf8'})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

const small = {reviews: [], reviewsOnly: false, reviewWeight: 2, clefWeight: 0.5, cValues: [0.3, 3], folds: 2, prune: 40, minCount: 1, command: 'test', root}

/** The seed's annotation with the first sentences reviewed: verdicts and not-a-claim. */
function reviewedFolder(): {folder: string; judged: number} {
  const folder = mkdtempSync(path.join(work, 'reviews-'))
  let text = readFileSync(path.join(root, 'annotations/us-china-trade-talks.yaml'), 'utf8')
  const statuses = ['verified', 'not-a-claim', 'false', 'not-a-claim', 'disputed']
  for (const status of statuses) text = text.replace('status: unreviewed', `status: ${status}`)
  writeFileSync(path.join(folder, 'us-china-trade-talks.yaml'), text)
  return {folder, judged: statuses.length}
}

describe('npm run train -- claims', () => {
  it('gives the same bytes for the same data, in the model file format, with its provenance', async () => {
    const first = await trainClaims({...small, data: fixture})
    const second = await trainClaims({...small, data: fixture})
    expect(second.text).toBe(first.text)
    const model = checkModel(JSON.parse(first.text), 'trained')
    const header = model.header as {data: Array<{file: string; rows: number; checkWorthy: number; sha256: string; terms: string; split: string}>; threshold: {method: string}; hyperparameters: {c: number}}
    expect(header.data.map((entry) => [entry.file.split('/data/')[1], entry.rows, entry.checkWorthy, entry.split])).toEqual([
      ['claims/claimbuster-train.json', 20, 10, 'train'],
      ['claims/clef2019-train/debate-a.tsv', 6, 3, 'train'],
      ['claims/clef2019-train/debate-b.tsv', 5, 2, 'train']
    ])
    const sha = createHash('sha256').update(readFileSync(path.join(own, 'own-sentences.json'))).digest('hex')
    expect(header.data[0]!.sha256).toBe(sha)
    expect(header.data[0]!.terms).toMatch(/research community/u)
    expect(header.threshold.method).toMatch(/Youden/u)
    expect([0.3, 3]).toContain(header.hyperparameters.c)
    // Pruned to 40 n-grams; the named features are always kept; strongest weight first.
    expect(Object.keys(model.words).length + Object.keys(model.chars).length).toBeLessThanOrEqual(40)
    const weights = Object.values(model.chars).map(Math.abs)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
    for (const reason of Object.keys(model.reasons)) expect(namedFeatures).toContain(reason as (typeof namedFeatures)[number])
    expect(first.text.endsWith('}\n')).toBe(true)
  })

  it('learns from the fixture: a figure it has seen scores above a greeting', async () => {
    const {model} = await trainClaims({...small, data: fixture})
    const annotate = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextClaims, {model}).freeze()
    const score = (value: string): number => {
      const file = new VFile({value})
      annotate.runSync(annotate.parse(file), file)
      return file.data.claims![0]!.score
    }
    expect(score('Exports rose 12 percent in 2019.')).toBeGreaterThan(score('Thank you and good evening.'))
  })

  it('scores in the plugin exactly as the trainer computed the features', () => {
    const model = loadModel()
    const features = createAnalyzer({claims: {model: null}})
    const scored = createAnalyzer()
    const weightOf = (key: string): number => {
      const section = key.startsWith('r:') ? model.reasons : key.startsWith('w:') ? model.words : model.chars
      return section[key.slice(2)] ?? 0
    }
    const cases = [
      'The deficit doubled to $800 billion in 2019, the treasury said.',
      'I think we can all agree on that.',
      'Is it true that exports fell 12% last year?',
      'Sanders’ campaign raised $5.2 million in the U.S. in January.'
    ]
    for (const text of cases) {
      let logit = model.bias
      for (const [key, value] of sentenceFeatures(features, text)) logit += weightOf(key) * value
      const file = new VFile({value: text})
      scored.runSync(scored.parse(file), file)
      expect(file.data.claims![0]!.score, text).toBe(Math.round(1000 / (1 + Math.exp(-logit))) / 1000)
    }
  })

  it('adds the desk’s reviews as training data, and --reviews-only leaves the public data out', async () => {
    const {folder, judged} = reviewedFolder()
    const withReviews = await trainClaims({...small, data: fixture, reviews: [folder]})
    const data = (withReviews.model.header as {data: Array<{file: string; rows: number; checkWorthy: number; split: string}>}).data
    expect(data.at(-1)).toMatchObject({rows: judged, checkWorthy: 3, split: 'reviewed'})
    expect(data.at(-1)!.file).toMatch(/us-china-trade-talks\.yaml$/u)
    const alone = await trainClaims({...small, data: path.join(work, 'nothing'), reviews: [folder], reviewsOnly: true, folds: 2})
    const only = (alone.model.header as {data: Array<{split: string}>; crossValidation: Record<string, unknown>})
    expect(only.data.map((entry) => entry.split)).toEqual(['reviewed'])
    expect(Object.keys(only.crossValidation)).toEqual(['how', 'reviews'])
    const heavier = await trainClaims({...small, data: fixture, reviews: [folder], reviewWeight: 10})
    expect(heavier.text).not.toBe(withReviews.text)
  })

  it('says which files it needs and where, and exits 1, when the data is absent', () => {
    const absent = path.join(work, 'absent')
    const result = run('claims', '--data', absent)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(path.join(absent, 'claims/claimbuster-train.json'))
    expect(result.stderr).toContain(path.join(absent, 'claims/clef2019-train'))
    expect(result.stderr).toContain('--reviews-only --reviews annotations/')
    expect(missingClaimData({data: absent, reviews: [], reviewsOnly: true})).toEqual([
      '--reviews DIR (a folder of annotation YAML): --reviews-only trains on reviews alone'
    ])
  })

  it('trains from the command line, writes the file atomically where told, and refuses what it cannot train', () => {
    const out = path.join(work, 'model.json')
    const result = run('claims', '--data', fixture, '--out', out, '--folds', '2', '--c', '1', '--prune', '30', '--min-count', '1', '--quiet')
    const again = path.join(work, 'again.json')
    expect(run('claims', '--data', fixture, '--out', again, '--folds', '2', '--c', '1', '--prune', '30', '--min-count', '1').status).toBe(0)
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'))
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/train claims: wrote model\.json \(\d+ words, \d+ letter n-grams, \d+ named features\)/u)
    expect(() => loadModel(pathToFileURL(out))).not.toThrow()
    expect(run('speakers').status).toBe(2)
    expect(run('claims', '--folds', 'two').stderr).toContain('--folds must be a number')
    expect(run('--help').stdout).toContain('--reviews-only')
  })
})

describe('the shipped check-worthiness model', () => {
  it('loads, matches its shape and says what it was trained on', () => {
    const model = loadModel()
    const header = model.header as {data: Array<{name: string; split: string; sha256: string; terms: string}>; command: string; crossValidation: object}
    expect(header.command).toMatch(/^npm run train -- claims/u)
    expect(header.data.length).toBeGreaterThan(0)
    for (const entry of header.data) {
      expect(entry.split).not.toMatch(/test|dev/u)
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/u)
      expect(entry.terms.length).toBeGreaterThan(0)
    }
    expect(header.crossValidation).toHaveProperty('claimbuster')
    expect(() => checkModel({...model, words: {percent: 'high'}}, 'bad.json')).toThrow('bad.json: words: the weight of "percent" is not a number')
  })

  it('explains a score with the words that moved it, signed', () => {
    const annotate = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextClaims).freeze()
    const file = new VFile({value: 'Unemployment fell to 4.1 percent in 2019, the lowest rate in a decade.'})
    annotate.runSync(annotate.parse(file), file)
    const claim = file.data.claims![0]!
    expect(claim.score).toBeGreaterThan(0.5)
    expect(claim.reasons.slice(0, 3)).toEqual(['quantity', 'money-or-percent', 'date'])
    const grams = claim.reasons.filter((reason) => /^[+-]/u.test(reason))
    expect(grams.length).toBeGreaterThan(0)
    expect(grams.length).toBeLessThanOrEqual(3)
  })

  it('still scores with the hand-set weights when given no model', () => {
    const annotate = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextClaims, {model: null}).freeze()
    const file = new VFile({value: 'Unemployment fell to 4.1 percent in 2019.'})
    annotate.runSync(annotate.parse(file), file)
    expect(file.data.claims![0]!.reasons.every((reason) => !/^[+-]/u.test(reason))).toBe(true)
  })
})
