/**
 * `npm run train -- attribution`: the attribution tagger, a linear-chain CRF
 * over the features of pipeline/attribution-model/features.ts, trained on
 * PolNeAR's training split (and, when asked, the desk's reviews), with C and
 * the decoding thresholds chosen on the development split.
 */

import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'nlcst'
import {unified} from 'unified'
import {VFile} from 'vfile'
import retextAttribution from '../attribution/index.ts'
import {loadCueLexicon} from '../attribution/lexicon.ts'
import {SourceTyper} from '../attribution/source.ts'
import {labelCount, labels} from '../attribution-model/crf.ts'
import {type DecodeContext, type DecodeOptions, decode} from '../attribution-model/decode.ts'
import {FlagLexicon, featureName, suffixOf, wordTemplates} from '../attribution-model/features.ts'
import {FeatureIndex, outsideSentence, unknownWord, wordKey} from '../attribution-model/index-of-features.ts'
import {Tagger, type TaggerModelFile, type Tagging} from '../attribution-model/model.ts'
import {markSpan, type ReadSentence, readSentences} from '../attribution-model/sentences.ts'
import retextDateline from '../dateline/index.ts'
import {readAttributionGold} from '../eval/data.ts'
import {toGoldFormat} from '../eval/run.ts'
import {type AttributionCounts, addAttribution, attributionMetrics, emptyAttributionCounts, type GoldAttribution, scoreAttributions} from '../eval/score.ts'
import retextFurniture from '../furniture/index.ts'
import retextEnglishLines from '../parse/index.ts'
import {readAnnotation} from '../review/read.ts'
import retextNewsSentences from '../sentences/index.ts'
import {type TextView, textView} from '../text.ts'
import type {Attribution} from '../types.ts'
import {type CrfExample, type CrfWeights, fitCrf} from './crf.ts'

export const attributionData = {
  train: {
    file: 'attribution/polnear-train.jsonl',
    name: 'PolNeAR v1.0 (Newell, Margolin & Ruths 2018), training split',
    terms: 'PolNeAR’s repository states no licence: research use only. The model file holds weights learnt from it, not its text.'
  },
  dev: {
    file: 'attribution/polnear-dev.jsonl',
    name: 'PolNeAR v1.0, development split: chooses C and the decoding thresholds, never trained on'
  },
  reviews: {
    name: "The desk's own reviews: the tool's attributions a reviewer did not reject, and the ones a reviewer added",
    terms: "The desk's own."
  }
} as const

export interface TrainAttributionOptions {
  /** Folder holding attribution/polnear-train.jsonl and attribution/polnear-dev.jsonl (../shared/eval). */
  data: string
  reviews: string[]
  reviewsOnly: boolean
  /** What one reviewed sentence weighs against one PolNeAR sentence. */
  reviewWeight: number
  cValues: number[]
  /** Candidates for what a sentence with a gold cue the rules miss weighs: the dial between recall and precision. */
  missedWeights: number[]
  /** A word or suffix must occur this many times in training to be a feature. */
  minCount: number
  /** Weights below this (in absolute value, for every tag) are left out of the file. */
  prune: number
  /** Passes of stochastic gradient descent over the training sentences. */
  epochs: number
  /** Its first step size, η₀. */
  rate: number
  command: string
  root: string
  progress?: (message: string) => void
}

export const defaultAttributionTraining = {reviewWeight: 1, cValues: [1, 3], missedWeights: [2, 3, 4], minCount: 3, prune: 0.01, epochs: 10, rate: 0.005}

/** Which training data is missing: empty when all is there. */
export function missingAttributionData(options: Pick<TrainAttributionOptions, 'data' | 'reviews' | 'reviewsOnly'>): string[] {
  const missing: string[] = []
  if (options.reviewsOnly) {
    if (options.reviews.length === 0) missing.push('--reviews DIR (a folder of annotation YAML): --reviews-only trains on reviews alone')
  } else {
    const train = path.join(options.data, attributionData.train.file)
    if (!existsSync(train)) missing.push(train)
  }
  for (const folder of options.reviews) if (!existsSync(folder)) missing.push(`${folder} (a folder of annotation YAML)`)
  return missing
}

/** The attribution stages of the annotate pipeline, without the tagger: what it is trained to improve on. */
function rulesProcessor() {
  return unified().use(retextEnglishLines).use(retextNewsSentences).use(retextDateline).use(retextFurniture).use(retextAttribution).freeze()
}

interface PreparedArticle {
  id: string
  text: string
  view: TextView
  sentences: ReadSentence[]
  gold: GoldAttribution[]
  /** The rules' own attributions, for the before figures. */
  rules: Attribution[]
}

function prepare(processor: ReturnType<typeof rulesProcessor>, id: string, text: string, gold: GoldAttribution[]): PreparedArticle {
  const file = new VFile({value: text})
  const tree = processor.runSync(processor.parse(file), file) as Root
  const rules = file.data.attributions ?? []
  return {id, text, view: textView(tree, file), sentences: readSentences(tree, file, rules), gold, rules}
}

/** Each token's gold tag: content, then source, then cue, so a cue inside another's span stays a cue. */
function goldTags(sentence: ReadSentence, gold: readonly GoldAttribution[]): Uint8Array {
  const {tokens} = sentence.input
  const tags = new Uint8Array(tokens.length)
  const inside = (span: {start: number; end: number}): boolean => span.start < sentence.end && span.end > sentence.start
  for (const role of [['content', 5], ['source', 1], ['cue', 3]] as const) {
    for (const attribution of gold) {
      for (const span of attribution[role[0]]) if (inside(span)) markSpan(tokens, span, role[1], tags)
    }
  }
  return tags
}

export interface TrainedAttribution {
  model: TaggerModelFile
  text: string
  report: string[]
}

export async function trainAttribution(options: TrainAttributionOptions): Promise<TrainedAttribution> {
  const say = options.progress ?? (() => {})
  const relative = (file: string): string => path.relative(options.root, file).split(path.sep).join('/')
  const processor = rulesProcessor()
  const sources: Array<Record<string, unknown>> = []
  /** `missed`: the sentence has a gold cue the rules do not find (weighed by `missedWeights`). */
  const training: Array<{sentence: ReadSentence; tags: Uint8Array; weight: number; missed: boolean}> = []

  if (!options.reviewsOnly) {
    const file = path.join(options.data, attributionData.train.file)
    const articles = await readAttributionGold(file)
    say(`reading ${articles.length} training articles with the rules`)
    let sentences = 0
    articles.forEach((article, index) => {
      if (index > 0 && index % 200 === 0) say(`rules: ${index}/${articles.length}`)
      const prepared = prepare(processor, article.doc_id, article.text, article.attributions)
      for (const sentence of prepared.sentences) {
        const tags = goldTags(sentence, prepared.gold)
        const missed = tags.some((tag, t) => tag === 3 && sentence.input.roles[t] !== 3 && sentence.input.roles[t] !== 4)
        training.push({sentence, tags, weight: 1, missed})
      }
      sentences += prepared.sentences.length
    })
    sources.push({
      name: attributionData.train.name,
      file: relative(file),
      split: 'train',
      rows: `${articles.length} articles, ${sentences} body sentences, ${articles.reduce((sum, article) => sum + article.attributions.length, 0)} attributions`,
      sha256: sha256(readFileSync(file)),
      terms: attributionData.train.terms
    })
  }
  for (const folder of options.reviews) {
    for (const file of yamlFiles(folder)) {
      const content = readFileSync(file, 'utf8')
      const reviewed = reviewExamples(processor, content, file)
      for (const example of reviewed) training.push({...example, weight: options.reviewWeight, missed: false})
      if (reviewed.length > 0) {
        sources.push({name: attributionData.reviews.name, file: relative(file), split: 'reviewed', rows: `${reviewed.length} sentences`, sha256: sha256(Buffer.from(content)), terms: attributionData.reviews.terms})
      }
    }
  }
  if (training.length === 0) throw new Error('no training sentences: the data holds no article (reviews: no sentence with a rejected or added attribution)')

  const lexicon = loadCueLexicon()
  const typer = new SourceTyper(new URL('../attribution/data/sources.yml', import.meta.url))
  const flagLexicon = new FlagLexicon(lexicon, typer)
  const context: DecodeContext = {typer}

  // Rows: every enumerated feature; words and suffixes seen minCount times, in order of first sight.
  const index = new FeatureIndex(flagLexicon.wordClasses.names)
  index.addAllEnumerated()
  const wordCounts = new Map<string, number>()
  const suffixCounts = new Map<string, number>()
  for (const {sentence} of training) {
    for (const token of sentence.input.tokens) {
      wordCounts.set(wordKey(token), (wordCounts.get(wordKey(token)) ?? 0) + 1)
      const suffix = suffixOf(token)
      if (suffix !== undefined) suffixCounts.set(suffix, (suffixCounts.get(suffix) ?? 0) + 1)
    }
  }
  for (const word of [unknownWord, outsideSentence, ...[...wordCounts].filter(([, count]) => count >= options.minCount).map(([word]) => word)]) {
    for (const template of wordTemplates) index.add(featureName(template, word))
  }
  for (const [suffix, count] of suffixCounts) if (count >= options.minCount) index.add(featureName('suffix', suffix))
  say(`${training.length} sentences, ${index.rowCount} features (${index.words.size} words, ${index.suffixes.size} suffixes)`)

  const rowsOf = training.map(({sentence}) => index.rowsOf(sentence.input, flagLexicon))

  const devFile = path.join(options.data, attributionData.dev.file)
  const dev = existsSync(devFile) ? (await readAttributionGold(devFile)).map((article) => prepare(processor, article.doc_id, article.text, article.attributions)) : []
  const rulesDev = dev.length > 0 ? scoreArticles(dev, (article) => article.rules) : undefined

  const tried: Array<Record<string, unknown>> = []
  type Candidate = {c: number; missedWeight: number; fitted: CrfWeights; decoding: DecodeOptions; figures: Figures}
  const candidates: Candidate[] = []
  for (const [c, missedWeight] of options.cValues.flatMap((c) => options.missedWeights.map((weight) => [c, weight] as const))) {
    const examples: CrfExample[] = training.map(({tags, weight, missed}, at) => ({rows: rowsOf[at]!, tags, weight: missed ? weight * missedWeight : weight}))
    const started = Date.now()
    const fitted = fitCrf(examples, index.rowCount, {c, epochs: options.epochs, rate: options.rate, progress: (epoch, loss) => say(`C ${c}: pass ${epoch}, loss ${loss.toFixed(1)}`)})
    say(`C ${c}, missed-cue weight ${missedWeight}: ${fitted.iterations} passes in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    if (dev.length === 0) {
      candidates.push({c, missedWeight, fitted, decoding: defaultDecoding(), figures: {}})
      break
    }
    const tagger = new Tagger(index, fitted.weights, fitted.transitions, fitted.starts, flagLexicon)
    for (const decoding of decodingGrid()) {
      const figures = scoreArticles(dev, (article) => decodeArticle(article, tagger, context, decoding))
      candidates.push({c, missedWeight, fitted, decoding, figures})
      const previous = tried.findIndex((item) => item['c'] === c && item['missedWeight'] === missedWeight)
      const entry = {c, missedWeight, ...decoding, ...figures}
      // One line per fit: its best decoding.
      if (previous < 0) tried.push(entry)
      else if (mean(figures) > mean(tried[previous] as Figures)) tried[previous] = entry
      say(`C ${c}, missed-cue weight ${missedWeight}, ${JSON.stringify(decoding)}: dev exact F1 source ${figures['source']} cue ${figures['cue']} content ${figures['content']}`)
    }
  }
  const chosen = choose(candidates)

  // The file: features whose weights are all below `prune` are left out; the rest rounded.
  const names = index.rowNames()
  const features: Record<string, number[]> = {}
  for (let row = 0; row < names.length; row++) {
    const values = Array.from(chosen.fitted.weights.subarray(row * labelCount, (row + 1) * labelCount), (value) => round(value, 3))
    if (values.every((value) => Math.abs(value) < options.prune)) continue
    features[names[row]!] = values
  }
  const model: TaggerModelFile = {
    header: {
      model: 'Attribution tagger: a linear-chain CRF tagging each token source, cue or content (B-/I-) from its words, shape, quote state, clause breaks, the cue lexicon’s word lists and the attribution rules’ own reading (pipeline/attribution-model/features.ts names each template)',
      trainedBy: 'npm run train -- attribution (pipeline/train/attribution.ts)',
      command: options.command,
      data: sources,
      held: options.reviewsOnly ? 'reviews only: no third-party data' : `${attributionData.dev.name}; no test split is read`,
      hyperparameters: {
        c: chosen.c,
        missedWeight: chosen.missedWeight,
        missedWeightMeans: 'a sentence with a gold cue the rules do not find weighs this many others',
        decoding: chosen.decoding,
        chosenBy: `the mean exact F1 of source, cue and content on the development split: of the fits and decodings within ${boldnessMargin} of the best, the one that drops the fewest of the rules' attributions, then adds the fewest cues of the tagger's own`,
        tried: tried.map((item) => ({...item, note: 'the best decoding of this fit'})),
        minCount: options.minCount,
        prune: options.prune,
        objective: '½‖w‖² + C Σ weight · (log Z − gold path score)',
        optimiser: `stochastic gradient descent, ${options.epochs} passes in a seeded order, η₀ ${options.rate}, η_t = η₀ / (1 + λ η₀ t), λ = 1 / (C · Σ weight)`
      },
      development: rulesDev ? {rulesAlone: rulesDev, withTagger: chosen.figures} : 'no development split found: nothing measured',
      licence: 'The weights are learnt from PolNeAR, which states no licence (research use).'
    },
    labels: [...labels],
    starts: Array.from(chosen.fitted.starts, (value) => round(value, 3)),
    transitions: labels.map((_, from) => Array.from(chosen.fitted.transitions.subarray(from * labelCount, (from + 1) * labelCount), (value) => round(value, 3))),
    features
  }
  const text = formatModel(model)
  const report = [
    `C ${chosen.c}, missed-cue weight ${chosen.missedWeight}, keep a rule's attribution at cue probability ≥ ${chosen.decoding.keepRule}, a tagger-only cue at ≥ ${chosen.decoding.newCue}`,
    ...(rulesDev ? [`dev exact F1 source / cue / content: rules ${rulesDev['source']} / ${rulesDev['cue']} / ${rulesDev['content']} → with the tagger ${chosen.figures['source']} / ${chosen.figures['cue']} / ${chosen.figures['content']}`] : []),
    `${Object.keys(features).length} features of ${names.length} kept (|weight| ≥ ${options.prune})`
  ]
  return {model, text, report}
}

type Figures = Record<string, number>

/**
 * How much mean exact F1 a bolder decoding must gain over the most cautious
 * within reach. A reviewer sees a doubtful attribution of the rules with its
 * low confidence, and one they drop they never see; a cue only the tagger
 * found costs them a look when it is wrong (four in ten on dev at 0.8).
 */
const boldnessMargin = 0.002

/**
 * The fit and decoding to ship: among those within `boldnessMargin` of the
 * best mean exact F1 on dev, the most cautious (the fewest rules' attributions
 * dropped, then the fewest cues of the tagger's own), then the best.
 */
function choose<Candidate extends {decoding: DecodeOptions; figures: Figures}>(candidates: Candidate[]): Candidate {
  const top = Math.max(...candidates.map((candidate) => mean(candidate.figures)))
  const near = candidates.filter((candidate) => candidates.length === 1 || mean(candidate.figures) >= top - boldnessMargin)
  return near.reduce((best, candidate) => {
    const a = candidate.decoding
    const b = best.decoding
    if (a.keepRule !== b.keepRule) return a.keepRule < b.keepRule ? candidate : best
    const added = (item: Candidate): number => item.figures['taggerOnlyCues'] ?? 0
    if (added(candidate) !== added(best)) return added(candidate) < added(best) ? candidate : best
    return mean(candidate.figures) > mean(best.figures) ? candidate : best
  })
}

function defaultDecoding(): DecodeOptions {
  return {keepRule: 0, newCue: 0.5, cueExtent: true, fillSource: false}
}

function decodingGrid(): DecodeOptions[] {
  const grid: DecodeOptions[] = []
  for (const cueExtent of [false, true]) {
    for (const fillSource of [false, true]) {
      for (const keepRule of [0, 0.1, 0.2]) for (const newCue of [0.5, 0.7, 0.8, 0.9, 0.95, 0.97]) grid.push({keepRule, newCue, cueExtent, fillSource})
    }
  }
  return grid
}

/** Each sentence tagged once per model, however many decodings are tried. */
const taggings = new WeakMap<Tagger, WeakMap<ReadSentence, Tagging>>()

function decodeArticle(article: PreparedArticle, tagger: Tagger, context: DecodeContext, decoding: DecodeOptions): Attribution[] {
  let cache = taggings.get(tagger)
  if (!cache) {
    cache = new WeakMap()
    taggings.set(tagger, cache)
  }
  const found: Attribution[] = []
  for (const sentence of article.sentences) {
    let tagging = cache.get(sentence)
    if (!tagging) {
      tagging = tagger.tag(sentence.input)
      cache.set(sentence, tagging)
    }
    found.push(...decode(sentence, tagging, article.view, context, decoding))
  }
  return found
}

function scoreArticles(articles: readonly PreparedArticle[], find: (article: PreparedArticle) => Attribution[]): Figures {
  let counts: AttributionCounts = emptyAttributionCounts()
  let taggerOnly = 0
  let taggerOnlyRight = 0
  for (const article of articles) {
    const found = find(article)
    for (const attribution of found) {
      if (attribution.rule !== 'model') continue
      taggerOnly++
      if (article.gold.some((gold) => gold.cue.some((span) => span.start < attribution.cue.end && attribution.cue.start < span.end))) taggerOnlyRight++
    }
    const predicted = found.map((attribution) => toGoldFormat(attribution, article.text))
    counts = addAttribution(counts, scoreAttributions(article.text, predicted, article.gold))
  }
  const metrics = attributionMetrics(counts)
  return {
    source: round(metrics.exact.source.f1, 4),
    cue: round(metrics.exact.cue.f1, 4),
    content: round(metrics.exact.content.f1, 4),
    cuePrecision: round(metrics.exact.cue.precision, 4),
    cueRecall: round(metrics.exact.cue.recall, 4),
    taggerOnlyCues: taggerOnly,
    taggerOnlyCuesOnGold: taggerOnlyRight
  }
}

function mean(figures: Figures): number {
  return ((figures['source'] ?? 0) + (figures['cue'] ?? 0) + (figures['content'] ?? 0)) / 3
}

/**
 * Reviewed sentences as examples: the tool's attributions the reviewer did
 * not reject, and the ones they added (found in the sentence by their text),
 * are the sentence's gold; a rejected one teaches what is not.
 */
function reviewExamples(processor: ReturnType<typeof rulesProcessor>, content: string, file: string): Array<{sentence: ReadSentence; tags: Uint8Array}> {
  const read = readAnnotation(content)
  if ('problems' in read) {
    const first = read.problems[0]!
    throw new Error(`${file}:${first.line}:${first.column}: ${first.message}`)
  }
  const examples: Array<{sentence: ReadSentence; tags: Uint8Array}> = []
  for (const sentence of read.annotation.sentences) {
    const review = sentence.review
    if (sentence.kind !== 'body' || (review.rejected.length === 0 && review.added.length === 0)) continue
    const text = sentence.text
    const offset = sentence.start.offset
    const locate = (part: string, from = 0): {start: number; end: number} | undefined => {
      const at = part === '' ? -1 : text.indexOf(part, from)
      return at < 0 ? undefined : {start: at, end: at + part.length}
    }
    const gold: GoldAttribution[] = []
    for (const attribution of sentence.attributions) {
      if (review.rejected.includes(attribution.id)) continue
      const shift = (span: {start: number; end: number}): {start: number; end: number} => ({start: span.start - offset, end: span.end - offset})
      gold.push({
        source: attribution.source ? [shift(attribution.source)] : [],
        cue: [shift(attribution.cue)],
        content: [attribution.content, ...(attribution.content.more ?? [])].map(shift)
      })
    }
    for (const added of review.added) {
      const cue = locate(added.cue)
      if (!cue) continue
      const source = locate(added.source)
      const found = locate(added.content)
      gold.push({source: source ? [source] : [], cue: [cue], content: found ? [found] : []})
    }
    const prepared = prepare(processor, sentence.id, text, gold)
    for (const part of prepared.sentences) examples.push({sentence: part, tags: goldTags(part, gold)})
  }
  return examples
}

function yamlFiles(folder: string): string[] {
  const files: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name)
    if (statSync(file).isDirectory()) files.push(...yamlFiles(file))
    else if (/\.ya?ml$/u.test(name)) files.push(file)
  }
  return files
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

function round(value: number, places: number): number {
  const scale = 10 ** places
  return Math.round(value * scale) / scale || 0
}

/** The model as readable JSON: the header indented, one feature a line. */
function formatModel(model: TaggerModelFile): string {
  const lines = ['{', `  "header": ${JSON.stringify(model.header, null, 2).replace(/\n/gu, '\n  ')},`]
  lines.push(`  "labels": ${JSON.stringify(model.labels)},`)
  lines.push(`  "starts": ${JSON.stringify(model.starts)},`)
  lines.push(`  "transitions": [\n${model.transitions.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ],`)
  const entries = Object.entries(model.features)
  lines.push(`  "features": {\n${entries.map(([name, values]) => `    ${JSON.stringify(name)}: ${JSON.stringify(values)}`).join(',\n')}\n  }`)
  lines.push('}')
  return lines.join('\n') + '\n'
}
