import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {reviewStatuses} from '../annotation/model.ts'
import {tokenize} from '../attribution/tokens.ts'
import {namedFeatures} from '../claims/index.ts'
import {type ClaimModel, checkModel, featureScales, forEachCharGram, logistic, modelWords} from '../claims/model.ts'
import {readClaims} from '../eval/data.ts'
import {averagePrecision, prf} from '../eval/score.ts'
import {createAnalyzer} from '../processor.ts'
import {bodySentences} from '../ranges.ts'
import {readAnnotation} from '../review/read.ts'
import {textView} from '../text.ts'
import {type SparseRows, decision, fitLogistic} from './logistic.ts'

/** What each training file is and the terms its publishers give it. */
export const claimData = {
  claimbuster: {
    file: 'claims/claimbuster-train.json',
    name: 'ClaimBuster (Arslan, Hassan, Li & Tremayne 2020), two-class set, training split',
    terms:
      '"Publicly available to the research community" (Arslan et al. 2020); the licence is the one on its Zenodo record, doi:10.5281/zenodo.3609356.'
  },
  clef: {
    folder: 'claims/clef2019-train',
    name: 'CLEF2019 CheckThat! Lab task 1 (Atanasova et al. 2019), training debates and speeches',
    terms: 'Free for general research use (CLEF2019 CheckThat! Lab).'
  },
  reviews: {
    name: "The desk's own reviews: body sentences with a verdict (check-worthy) or not-a-claim (not)",
    terms: "The desk's own."
  }
} as const

/** Verdicts that say a reviewer judged the sentence worth checking. */
const verdicts = new Set<string>(reviewStatuses.filter((status) => status !== 'unreviewed' && status !== 'not-a-claim'))

export interface TrainClaimsOptions {
  /** Folder holding claims/claimbuster-train.json and claims/clef2019-train/ (../shared/eval). */
  data: string
  /** Folders of annotation YAML whose reviews are training data. */
  reviews: string[]
  /** Train on the reviews alone. */
  reviewsOnly: boolean
  /** What one reviewed sentence weighs against one ClaimBuster sentence. */
  reviewWeight: number
  /** What one CLEF debate line weighs against one ClaimBuster sentence. */
  clefWeight: number
  /** Candidates for C, the inverse regularisation strength, chosen by cross-validation. */
  cValues: number[]
  folds: number
  /** How many word and letter n-grams the model keeps (the largest weights); 0 keeps all. */
  prune: number
  /** An n-gram must occur in this many training sentences to be a feature. */
  minCount: number
  /** The command line, for the header. */
  command: string
  /** Paths in the header are relative to this. */
  root: string
  progress?: (message: string) => void
}

export const defaultClaimTraining = {reviewWeight: 2, clefWeight: 0.1, cValues: [0.3, 1, 3], folds: 5, prune: 3000, minCount: 2} as const

/** Inputs missing for a training run, said as what to put where. */
export function missingClaimData(options: Pick<TrainClaimsOptions, 'data' | 'reviews' | 'reviewsOnly'>): string[] {
  const missing: string[] = []
  if (options.reviewsOnly) {
    if (options.reviews.length === 0) missing.push('--reviews DIR (a folder of annotation YAML): --reviews-only trains on reviews alone')
  } else {
    const claimbuster = path.join(options.data, claimData.claimbuster.file)
    if (!existsSync(claimbuster)) missing.push(`${claimbuster} (ClaimBuster's training split: a JSON list of {sentence_id, label, text})`)
    const clef = path.join(options.data, claimData.clef.folder)
    if (!existsSync(clef) || tsvFiles(clef).length === 0) {
      missing.push(`${clef}/*.tsv (CLEF2019 CheckThat! task 1 training debates: line, speaker, text, label)`)
    }
  }
  for (const folder of options.reviews) if (!existsSync(folder)) missing.push(`${folder} (a folder of annotation YAML)`)
  return missing
}

interface Row {
  id: string
  text: string
  label: 0 | 1
  weight: number
  /** claimbuster, clef or reviews. */
  dataset: 'claimbuster' | 'clef' | 'reviews'
  /** The debate of a CLEF row. */
  debate: string
}

interface Source {
  name: string
  file: string
  split: string
  rows: number
  checkWorthy: number
  sha256: string
  terms: string
}

export interface TrainedClaims {
  model: ClaimModel
  /** The model file's text. */
  text: string
  /** One line each: what cross-validation measured. */
  report: string[]
}

export async function trainClaims(options: TrainClaimsOptions): Promise<TrainedClaims> {
  const say = options.progress ?? (() => {})
  const rows: Row[] = []
  const sources: Source[] = []
  const relative = (file: string): string => path.relative(options.root, file).split(path.sep).join('/')

  if (!options.reviewsOnly) {
    const claimbusterFile = path.join(options.data, claimData.claimbuster.file)
    const cases = await readClaims(claimbusterFile)
    for (const item of cases) rows.push({id: `claimbuster:${item.id}`, text: item.text, label: item.label ? 1 : 0, weight: 1, dataset: 'claimbuster', debate: ''})
    sources.push(source(claimData.claimbuster.name, relative(claimbusterFile), 'train', cases, readFileSync(claimbusterFile), claimData.claimbuster.terms))
    for (const file of tsvFiles(path.join(options.data, claimData.clef.folder))) {
      const debate = path.basename(file, '.tsv')
      const lines = await readClaims(file)
      for (const item of lines) rows.push({id: `clef:${item.id}`, text: item.text, label: item.label ? 1 : 0, weight: options.clefWeight, dataset: 'clef', debate})
      sources.push(source(`${claimData.clef.name}: ${debate}`, relative(file), 'train', lines, readFileSync(file), claimData.clef.terms))
    }
  }
  for (const folder of options.reviews) {
    for (const file of yamlFiles(folder)) {
      const content = readFileSync(file, 'utf8')
      const read = readAnnotation(content)
      if ('problems' in read) {
        const first = read.problems[0]!
        throw new Error(`${file}:${first.line}:${first.column}: ${first.message}`)
      }
      const judged: Array<{text: string; label: boolean}> = []
      for (const sentence of read.annotation.sentences) {
        if (sentence.kind !== 'body') continue
        const status = sentence.review.status
        if (status !== 'not-a-claim' && !verdicts.has(status)) continue
        judged.push({text: sentence.text, label: status !== 'not-a-claim'})
        rows.push({id: `reviews:${relative(file)}#${sentence.id}`, text: sentence.text, label: status === 'not-a-claim' ? 0 : 1, weight: options.reviewWeight, dataset: 'reviews', debate: ''})
      }
      if (judged.length > 0) sources.push(source(claimData.reviews.name, relative(file), 'reviewed', judged, Buffer.from(content), claimData.reviews.terms))
    }
  }
  if (rows.length === 0) throw new Error('no training sentences: the data holds no labelled sentence (reviews: no sentence with a verdict or not-a-claim)')
  if (!rows.some((row) => row.label === 1) || !rows.some((row) => row.label === 0)) {
    throw new Error('the training sentences need both kinds: some check-worthy (a verdict) and some not (not-a-claim)')
  }

  say(`features of ${rows.length} sentences`)
  const analyzer = createAnalyzer({claims: {model: null}})
  const examples = rows.map((row, index) => {
    if (index > 0 && index % 2000 === 0) say(`features: ${index}/${rows.length}`)
    return sentenceFeatures(analyzer, row.text)
  })

  // Columns: every named feature, and each n-gram in at least minCount sentences, sorted by name.
  const counts = new Map<string, number>()
  for (const example of examples) for (const key of example.keys()) counts.set(key, (counts.get(key) ?? 0) + 1)
  const keys = [...counts]
    .filter(([key, count]) => key.startsWith('r:') || count >= options.minCount)
    .map(([key]) => key)
    .sort(byCodeUnits)
  const column = new Map(keys.map((key, index) => [key, index]))
  const data = sparse(examples, column, keys.length)
  const labels = Uint8Array.from(rows, (row) => row.label)
  const weights = Float64Array.from(rows, (row) => row.weight)
  say(`${keys.length} features (${keys.filter((key) => key.startsWith('w:')).length} words, ${keys.filter((key) => key.startsWith('c:')).length} letter n-grams)`)

  const folds = assignFolds(rows, options.folds)
  const isGram = keys.map((key) => !key.startsWith('r:'))

  /** Fit on `train`; then, when pruning, keep the largest n-gram weights and fit again on those alone. */
  function fit(train: Int32Array, c: number): {weights: Float64Array; bias: number} {
    const full = fitLogistic(data, labels, {c, weights, rows: train})
    if (options.prune <= 0) return full
    const kept = largest(full.weights, isGram, options.prune)
    const projected = project(data, kept)
    const refit = fitLogistic(projected, labels, {c, weights, rows: train})
    const back = new Float64Array(keys.length)
    kept.forEach((original, index) => {
      back[original] = refit.weights[index]!
    })
    return {weights: back, bias: refit.bias}
  }

  function outOfFold(c: number): Float64Array {
    const scores = new Float64Array(rows.length)
    for (let fold = 0; fold < options.folds; fold++) {
      const train = Int32Array.from(rows.keys()).filter((index) => folds[index] !== fold)
      const held = Int32Array.from(rows.keys()).filter((index) => folds[index] === fold)
      if (held.length === 0) continue
      const fitted = fit(train, c)
      decision(data, fitted, held).forEach((value, index) => {
        scores[held[index]!] = value
      })
      say(`C ${c}: fold ${fold + 1}/${options.folds}`)
    }
    return scores
  }

  let best: {c: number; criterion: number; scores: Float64Array} | undefined
  const tried: Array<{c: number; criterion: number}> = []
  for (const c of options.cValues) {
    const scores = outOfFold(c)
    const criterion = rankingCriterion(rows, scores)
    tried.push({c, criterion: round(criterion, 4)})
    say(`C ${c}: cross-validated ranking ${criterion.toFixed(4)}`)
    if (!best || criterion > best.criterion) best = {c, criterion, scores}
  }
  const chosen = best!
  const threshold = youden(chosen.scores, labels)
  const figures = crossValidationFigures(rows, chosen.scores, threshold)
  say(`fitting on all ${rows.length} sentences, C ${chosen.c}`)
  const final = fit(Int32Array.from(rows.keys()), chosen.c)

  const model: ClaimModel = {
    header: {
      model:
        'Check-worthiness: logistic regression over word 1–2-grams, letter 2–5-grams of words and the claims plugin’s named features (pipeline/claims/model.ts says how each is computed)',
      trainedBy: 'npm run train -- claims (pipeline/train/claims.ts)',
      command: options.command,
      data: sources,
      held: options.reviewsOnly
        ? 'reviews only: no third-party data'
        : 'Cross-validation folds: each CLEF debate lies whole in one fold (debates in name order, dealt round); a ClaimBuster sentence whose text is in a debate goes to that debate’s fold, so it is never trained on while its debate is held out; other sentences by a hash of their id. No test or dev split is read.',
      hyperparameters: {
        c: chosen.c,
        cCandidates: tried,
        cChosenBy:
          'the mean, over the datasets trained on, of the cross-validated ranking: ClaimBuster’s average precision, CLEF’s mean average precision by debate, the reviews’ average precision',
        folds: options.folds,
        minCount: options.minCount,
        prune: options.prune,
        pruneBy: 'fit on all n-grams, keep the ones with the largest absolute weights, fit again on those and the named features',
        reviewWeight: options.reviewWeight,
        clefWeight: options.clefWeight,
        objective: '½‖w‖² + C Σ weight · log-loss, bias unpenalised; L-BFGS, 10 corrections'
      },
      threshold: {
        method: 'Youden’s J (sensitivity + specificity − 1) at its highest on the pooled out-of-fold scores of all training sentences',
        probability: round(logistic(threshold), 4),
        note: 'the bias is shifted by −logit(threshold), so the chosen threshold is a score of 0.5, the tool’s claim line'
      },
      crossValidation: figures
    },
    bias: round(final.bias - threshold, 6),
    reasons: {},
    words: {},
    chars: {}
  }
  const byWeight = [...keys.keys()]
    .filter((index) => final.weights[index] !== 0)
    .sort((a, b) => Math.abs(final.weights[b]!) - Math.abs(final.weights[a]!) || byCodeUnits(keys[a]!, keys[b]!))
  for (const index of byWeight) {
    const key = keys[index]!
    const value = round(final.weights[index]!, 6)
    if (value === 0) continue
    const section = key.startsWith('r:') ? model.reasons : key.startsWith('w:') ? model.words : model.chars
    section[key.slice(2)] = value
  }
  const text = formatModel(model)
  checkModel(JSON.parse(text), 'trained model')
  const report = [
    `C ${chosen.c} (tried ${tried.map((entry) => `${entry.c}: ${entry.criterion}`).join(', ')}); threshold ${round(logistic(threshold), 4)} by Youden's J`,
    ...describeFigures(figures)
  ]
  return {model, text, report}
}

type Features = Map<string, number>
type Analyzer = ReturnType<typeof createAnalyzer>

/** The features of a text, as the plugin computes them for a sentence (a text of several sentences: all its words). */
export function sentenceFeatures(analyzer: Analyzer, value: string): Features {
  const file = new VFile({value})
  const tree = analyzer.runSync(analyzer.parse(file), file) as Root
  const text = textView(tree, file)
  const words: string[] = []
  for (const {sentence} of bodySentences(tree, file)) {
    modelWords(tokenize(sentence, text), words)
  }
  const reasons = new Set<string>()
  for (const claim of file.data.claims ?? []) for (const reason of claim.reasons) reasons.add(reason)
  const features: Features = new Map()
  const add = (key: string, value: number): void => {
    features.set(key, (features.get(key) ?? 0) + value)
  }
  for (const feature of namedFeatures) if (reasons.has(feature)) add(`r:${feature}`, 1)
  if (words.length === 0) return features
  const {word: wordScale, char: charScale} = featureScales(words)
  words.forEach((word, index) => {
    add(`w:${word}`, wordScale)
    if (index + 1 < words.length) add(`w:${word} ${words[index + 1]!}`, wordScale)
    forEachCharGram(word, (gram) => add(`c:${gram}`, charScale))
  })
  return features
}

function sparse(examples: Features[], column: Map<string, number>, width: number): SparseRows {
  const offsets = new Int32Array(examples.length + 1)
  const columnsOut: number[] = []
  const valuesOut: number[] = []
  examples.forEach((example, index) => {
    const entries: Array<[number, number]> = []
    for (const [key, value] of example) {
      const at = column.get(key)
      if (at !== undefined) entries.push([at, value])
    }
    entries.sort((a, b) => a[0] - b[0])
    for (const [at, value] of entries) {
      columnsOut.push(at)
      valuesOut.push(value)
    }
    offsets[index + 1] = columnsOut.length
  })
  return {offsets, columns: Int32Array.from(columnsOut), values: Float64Array.from(valuesOut), width}
}

/** The same rows with only the kept columns, renumbered in the order given. */
function project(data: SparseRows, kept: number[]): SparseRows {
  const renumber = new Int32Array(data.width).fill(-1)
  kept.forEach((original, index) => {
    renumber[original] = index
  })
  const offsets = new Int32Array(data.offsets.length)
  const columns: number[] = []
  const values: number[] = []
  for (let row = 0; row + 1 < data.offsets.length; row++) {
    for (let at = data.offsets[row]!; at < data.offsets[row + 1]!; at++) {
      const to = renumber[data.columns[at]!]!
      if (to === -1) continue
      columns.push(to)
      values.push(data.values[at]!)
    }
    offsets[row + 1] = columns.length
  }
  return {offsets, columns: Int32Array.from(columns), values: Float64Array.from(values), width: kept.length}
}

/** The columns to keep: every named feature, and the `count` n-grams of largest absolute weight. */
function largest(weights: Float64Array, isGram: boolean[], count: number): number[] {
  const grams = [...weights.keys()].filter((index) => isGram[index] && weights[index] !== 0)
  grams.sort((a, b) => Math.abs(weights[b]!) - Math.abs(weights[a]!) || a - b)
  const keep = new Set(grams.slice(0, count))
  return [...weights.keys()].filter((index) => !isGram[index] || keep.has(index))
}

function assignFolds(rows: Row[], folds: number): Int32Array {
  const assigned = new Int32Array(rows.length)
  const debates = [...new Set(rows.filter((row) => row.dataset === 'clef').map((row) => row.debate))].sort(byCodeUnits)
  const debateFold = new Map(debates.map((debate, index) => [debate, index % folds]))
  const textFold = new Map<string, number>()
  rows.forEach((row) => {
    if (row.dataset === 'clef') textFold.set(normal(row.text), debateFold.get(row.debate)!)
  })
  rows.forEach((row, index) => {
    if (row.dataset === 'clef') assigned[index] = debateFold.get(row.debate)!
    else assigned[index] = textFold.get(normal(row.text)) ?? hashFold(row.id, folds)
  })
  return assigned
}

function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim()
}

function hashFold(id: string, folds: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % folds
}

/** The mean over datasets of the ranking quality (AP; MAP by debate for CLEF). */
function rankingCriterion(rows: Row[], scores: Float64Array): number {
  const values = Object.values(rankings(rows, scores))
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function rankings(rows: Row[], scores: Float64Array): Record<string, number> {
  const result: Record<string, number> = {}
  const scored = (filter: (row: Row) => boolean) =>
    rows.flatMap((row, index) => (filter(row) ? [{score: scores[index]!, label: row.label === 1}] : []))
  if (rows.some((row) => row.dataset === 'claimbuster')) result['claimbuster'] = averagePrecision(scored((row) => row.dataset === 'claimbuster'))
  const debates = [...new Set(rows.filter((row) => row.dataset === 'clef').map((row) => row.debate))].sort(byCodeUnits)
  if (debates.length > 0) {
    result['clef'] = debates.reduce((sum, debate) => sum + averagePrecision(scored((row) => row.debate === debate)), 0) / debates.length
  }
  if (rows.some((row) => row.dataset === 'reviews')) result['reviews'] = averagePrecision(scored((row) => row.dataset === 'reviews'))
  return result
}

/** The linear score above which a sentence is called check-worthy: the midpoint where Youden's J is highest. */
function youden(scores: Float64Array, labels: Uint8Array): number {
  const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b)
  const positives = labels.reduce((sum, label) => sum + label, 0)
  const negatives = labels.length - positives
  let truePositives = 0
  let falsePositives = 0
  let bestJ = -Infinity
  let bestAt = 0
  for (let rank = 0; rank < order.length; rank++) {
    const index = order[rank]!
    if (labels[index] === 1) truePositives++
    else falsePositives++
    const next = order[rank + 1]
    if (next !== undefined && scores[next] === scores[index]) continue
    const j = truePositives / positives - falsePositives / negatives
    if (j > bestJ) {
      bestJ = j
      bestAt = next === undefined ? scores[index]! - 1 : (scores[index]! + scores[next]!) / 2
    }
  }
  return bestAt
}

interface DatasetFigures {
  sentences: number
  checkWorthy: number
  precision: number
  recall: number
  f1: number
  averagePrecision: number
}

function crossValidationFigures(rows: Row[], scores: Float64Array, threshold: number): Record<string, unknown> {
  const figures: Record<string, unknown> = {}
  const at = (filter: (row: Row) => boolean): DatasetFigures => {
    let truePositives = 0
    let predicted = 0
    let gold = 0
    const ranked: Array<{score: number; label: boolean}> = []
    rows.forEach((row, index) => {
      if (!filter(row)) return
      const claim = scores[index]! > threshold
      if (claim) predicted++
      if (row.label === 1) gold++
      if (claim && row.label === 1) truePositives++
      ranked.push({score: scores[index]!, label: row.label === 1})
    })
    const {precision, recall, f1} = prf(truePositives, predicted, gold)
    return {
      sentences: ranked.length,
      checkWorthy: gold,
      precision: round(precision, 4),
      recall: round(recall, 4),
      f1: round(f1, 4),
      averagePrecision: round(averagePrecision(ranked), 4)
    }
  }
  if (rows.some((row) => row.dataset === 'claimbuster')) figures['claimbuster'] = at((row) => row.dataset === 'claimbuster')
  const debates = [...new Set(rows.filter((row) => row.dataset === 'clef').map((row) => row.debate))].sort(byCodeUnits)
  if (debates.length > 0) {
    const byDebate: Record<string, number> = {}
    for (const debate of debates) byDebate[debate] = at((row) => row.debate === debate).averagePrecision
    const map = Object.values(byDebate).reduce((sum, value) => sum + value, 0) / debates.length
    figures['clef'] = {meanAveragePrecision: round(map, 4), averagePrecisionByDebate: byDebate}
  }
  if (rows.some((row) => row.dataset === 'reviews')) figures['reviews'] = at((row) => row.dataset === 'reviews')
  return {
    how: 'out-of-fold scores (each sentence scored by the model fitted without its fold), pruned as the shipped model is, at the chosen threshold',
    ...figures
  }
}

function describeFigures(figures: Record<string, unknown>): string[] {
  const lines: string[] = []
  for (const name of ['claimbuster', 'reviews'] as const) {
    const value = figures[name] as DatasetFigures | undefined
    if (value) {
      lines.push(
        `cross-validated on ${name} (${value.sentences} sentences): P ${value.precision.toFixed(3)} R ${value.recall.toFixed(3)} F1 ${value.f1.toFixed(3)}, AP ${value.averagePrecision.toFixed(3)}`
      )
    }
  }
  const clef = figures['clef'] as {meanAveragePrecision: number; averagePrecisionByDebate: Record<string, number>} | undefined
  if (clef) lines.push(`cross-validated on clef (${Object.keys(clef.averagePrecisionByDebate).length} debates, by debate): MAP ${clef.meanAveragePrecision.toFixed(3)}`)
  return lines
}

/** The model as a person reads it: the header indented, then one weight a line, strongest first. */
export function formatModel(model: ClaimModel): string {
  const section = (weights: Record<string, number>): string => {
    const entries = Object.entries(weights)
    if (entries.length === 0) return '{}'
    return `{\n${entries.map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}\n  }`
  }
  const header = JSON.stringify(model.header, null, 2).replace(/\n/gu, '\n  ')
  return (
    `{\n  "header": ${header},\n  "bias": ${JSON.stringify(model.bias)},\n` +
    `  "reasons": ${section(model.reasons)},\n  "words": ${section(model.words)},\n  "chars": ${section(model.chars)}\n}\n`
  )
}

function source(name: string, file: string, split: string, cases: ReadonlyArray<{label: boolean}>, content: Buffer, terms: string): Source {
  return {
    name,
    file,
    split,
    rows: cases.length,
    checkWorthy: cases.filter((item) => item.label).length,
    sha256: createHash('sha256').update(content).digest('hex'),
    terms
  }
}

function tsvFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.tsv'))
    .sort(byCodeUnits)
    .map((name) => path.join(folder, name))
}

function yamlFiles(folder: string): string[] {
  const found: string[] = []
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort(byCodeUnits)) {
      const full = path.join(at, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.ya?ml$/u.test(name)) found.push(full)
    }
  }
  if (statSync(folder).isDirectory()) walk(folder)
  else found.push(folder)
  return found
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function round(value: number, places: number): number {
  const rounded = Number(value.toFixed(places))
  return Object.is(rounded, -0) ? 0 : rounded
}
