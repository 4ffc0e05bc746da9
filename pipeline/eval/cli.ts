import {existsSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {projectRoot} from '../project.ts'
import {claimThreshold} from '../claims/index.ts'
import {type ClaimCase, readAttributionGold, readClaims, readSbd} from './data.ts'
import {loadModel} from '../claims/model.ts'
import {type PronounLink, createAttributionFinder, createClaimScorer, createPronounLinker, createSentenceSplitter, createSpeechCueTest} from './run.ts'
import {type AttributionFailures, type CueFailures, type FailureArticle, type SpanError, type SpanFailures, attributionFailures, failureCounts, spanErrors} from './failures.ts'
import type {AttributionMetrics, GoldAttribution, PRF, SbdCounts} from './score.ts'
import {
  addAttribution,
  addSbd,
  attributionMetrics,
  averagePrecision,
  emptyAttributionCounts,
  prf,
  roles,
  scoreAttributions,
  scoreSbdCase
} from './score.ts'

const defaultData = path.resolve(projectRoot, '../shared/eval')

const help = `Usage: npm run eval -- [TASK] [FILE...] [options]

Measure the pipeline against gold data. TASK is \`sbd\` (sentence boundaries),
\`attribution\` or \`claims\` (check-worthiness); with no TASK, all three run on
their default data. \`speakers\` (named only) counts the "he" and "she"
sources linked to a person on attribution data, which has no gold for it, and
prints a random sample of links (--sample N, --seed S) to check by hand.

With no FILE, the data comes from ../shared/eval beside the project (or --data):
  sbd          sbd/gum-news-paragraphs.json and sbd/syntok-pairs.json
               (a JSON list of {id, input, expected})
  attribution  attribution/polnear-dev.jsonl (one article a line:
               {doc_id, text, attributions: [{source, cue, content}]});
               speakers reads the same
  claims       claims/claimbuster-test.json (a JSON list of {sentence_id, label,
               text}); a .tsv FILE is read as CLEF CheckThat (line, speaker,
               text, label per line, one debate a file)
When the data is absent the command says where to put it and exits 0.

Options:
  --failures           sbd: list each failing case (input, expected, got).
                       attribution: after the scores, the gold cues no predicted
                       cue overlaps (missed) and the predicted ones no gold cue
                       overlaps (spurious), grouped by kind with their most
                       frequent head words and examples; then, for attributions
                       paired by cue, how many cues, contents and sources start
                       or end too early or too late, or are missing or spurious
                       (with --json: the counts, under \`failures\`)
  --predictions OUT    write predictions as JSON lines: sbd {file, id, sentences};
                       attribution {doc_id, text, attributions} in the gold format;
                       claims {id, score, claim}
  --json               end with one line of JSON holding every metric, keyed by task
                       and file name
  --data DIR           folder of default data (default: ../shared/eval)
  --model FILE         claims: score with this model file instead of the shipped
                       pipeline/claims/data/model.json; attribution: tag with this
                       tagger model instead of pipeline/attribution-model/data/model.json
  --sample N           speakers: how many links to print (default 40)
  --seed S             speakers: which random sample (default 1)
  -h, --help           show this help

Scores: sbd counts a case passed when its sentences, trimmed, equal the
expected ones, and reports boundary precision/recall/F1 (a boundary is the
offset where a sentence starts, the first excluded). attribution reports per
role (source, cue, content) exact-match P/R/F1 after trimming punctuation and
quote marks at both ends, one-to-one overlap P/R/F1, and whole attributions
paired by overlapping cue (strict: all roles exact; lenient: all overlap), on
all attributions and on the speech subset (gold cue a speech or writing verb,
"according to" or a colon); for the rules with the tagger, and the rules'
exact F1 alone (before). Throughput is the attribution stage's MB/s.
claims reports precision, recall and F1 at the tool's threshold (a claim from
a score of 0.5) and the average precision of the ranking; for TSV files, the
mean of their average precisions (MAP); each for the trained model (after) and
for the hand-set weights alone (before).
`

type Metrics = Record<string, Record<string, unknown>>

export async function main(argv: string[]): Promise<number> {
  let values: {failures: boolean; predictions?: string; model?: string; json: boolean; help: boolean; data: string; sample: string; seed: string}
  let positionals: string[]
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        failures: {type: 'boolean', default: false},
        predictions: {type: 'string'},
        json: {type: 'boolean', default: false},
        data: {type: 'string', default: defaultData},
        model: {type: 'string'},
        sample: {type: 'string', default: '40'},
        seed: {type: 'string', default: '1'},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
    values = parsed.values
    positionals = parsed.positionals
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\nTry \`npm run eval -- --help\`.\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(help)
    return 0
  }

  const [first, ...rest] = positionals
  const named = first === 'sbd' || first === 'attribution' || first === 'claims' || first === 'speakers'
  const tasks = named ? [first] : ['sbd', 'attribution', 'claims']
  const files = named ? rest : positionals
  if (tasks.length > 1 && files.length > 0) {
    process.stderr.write('eval: name the task (sbd, attribution or claims) when giving files\n')
    return 2
  }
  if (tasks.length > 1 && values.predictions !== undefined) {
    process.stderr.write('eval: name the task (sbd, attribution or claims) when writing --predictions\n')
    return 2
  }

  const metrics: Metrics = {}
  const predictions: string[] = []
  for (const task of tasks) {
    const data = path.resolve(values.data)
    const inputs = files.length > 0 ? files : defaultFiles(task, data)
    if (inputs.length === 0) {
      process.stdout.write(
        `eval ${task}: no data in ${path.join(data, task === 'speakers' ? 'attribution' : task)}. Put the gold files there ` +
          `(see ../shared/README.md) or name files: npm run eval -- ${task} FILE...\n`
      )
      continue
    }
    metrics[task] = {}
    for (const file of inputs) {
      const name = path.basename(file)
      try {
        if (task === 'sbd') metrics[task][name] = await evaluateSbd(file, values.failures, predictions)
        else if (task === 'claims') metrics[task][name] = await evaluateClaims(file, predictions, values.model)
        else if (task === 'speakers') metrics[task][name] = await sampleSpeakers(file, Number(values.sample), Number(values.seed))
        else metrics[task][name] = await evaluateAttribution(file, predictions, values.failures, values.model)
      } catch (error) {
        process.stderr.write(`eval: ${(error as Error).message}\n`)
        return 1
      }
    }
  }
  const claims = metrics['claims'] as Record<string, {map?: number; before?: {map?: number}}> | undefined
  const debates = claims ? Object.values(claims).filter((value) => value.map !== undefined) : []
  if (claims && debates.length > 0) {
    const map = debates.reduce((sum, value) => sum + value.map!, 0) / debates.length
    const mapBefore = debates.reduce((sum, value) => sum + (value.before?.map ?? 0), 0) / debates.length
    claims['MAP'] = {map, before: {map: mapBefore}}
    process.stdout.write(
      `claims: MAP over ${debates.length} debate file${debates.length === 1 ? '' : 's'} ${fixed(map)} (hand-set weights, before: ${fixed(mapBefore)})\n`
    )
  }
  if (values.predictions !== undefined) {
    await writeFile(values.predictions, predictions.join(''))
    process.stdout.write(`predictions written to ${values.predictions}\n`)
  }
  if (values.json) process.stdout.write(JSON.stringify(metrics) + '\n')
  return 0
}

function defaultFiles(task: string, data: string): string[] {
  if (task === 'sbd') {
    const names = ['gum-news-paragraphs.json', 'syntok-pairs.json']
    return names.map((name) => path.join(data, 'sbd', name)).filter((file) => existsSync(file))
  }
  if (task === 'claims') {
    const test = path.join(data, 'claims', 'claimbuster-test.json')
    return existsSync(test) ? [test] : []
  }
  const dev = path.join(data, 'attribution', 'polnear-dev.jsonl')
  return existsSync(dev) ? [dev] : []
}

async function evaluateSbd(file: string, failures: boolean, predictions: string[]): Promise<Record<string, number>> {
  const cases = await readSbd(file)
  const split = createSentenceSplitter()
  let total: SbdCounts = {passed: 0, total: 0, truePositives: 0, predicted: 0, gold: 0}
  const name = path.basename(file)
  for (const testCase of cases) {
    const found = split(testCase.input)
    const counts = scoreSbdCase(testCase, found)
    total = addSbd(total, counts)
    predictions.push(JSON.stringify({file: name, id: testCase.id, sentences: found.map((sentence) => sentence.trim())}) + '\n')
    if (failures && !counts.passed) {
      process.stdout.write(
        `  FAIL ${name} #${testCase.id}\n    input:    ${JSON.stringify(testCase.input)}\n` +
          `    expected: ${JSON.stringify(testCase.expected.map((s) => s.trim()))}\n` +
          `    got:      ${JSON.stringify(found.map((s) => s.trim()))}\n`
      )
    }
  }
  const scores = prf(total.truePositives, total.predicted, total.gold)
  process.stdout.write(
    `sbd ${name}: ${total.passed}/${total.total} cases passed (${percent(total.passed / total.total)}); ` +
      `boundaries P ${fixed(scores.precision)} R ${fixed(scores.recall)} F1 ${fixed(scores.f1)}\n`
  )
  return {passed: total.passed, total: total.total, ...scores}
}

/** Counts of linked "he" and "she" sources, and a seeded random sample of links with their context. */
async function sampleSpeakers(file: string, size: number, seed: number): Promise<Record<string, unknown>> {
  if (!Number.isInteger(size) || size < 0 || !Number.isInteger(seed)) throw new Error('--sample and --seed take whole numbers')
  const articles = await readAttributionGold(file)
  const link = createPronounLinker()
  const all: Array<{text: string; link: PronounLink}> = []
  for (const article of articles) for (const found of link(article.text)) all.push({text: article.text, link: found})
  const linked = all.filter((item) => item.link.refersTo !== null)
  const name = path.basename(file)
  process.stdout.write(`speakers ${name}: ${all.length} "he"/"she" sources, ${linked.length} linked (${percent(linked.length / Math.max(all.length, 1))})\n`)
  // A small linear congruential generator: the same seed gives the same sample on any machine.
  let state = seed % 2147483647 || 1
  const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647
  const pool = [...linked]
  for (let index = 0; index < Math.min(size, pool.length); index++) {
    const pick = index + Math.floor(random() * (pool.length - index))
    ;[pool[index], pool[pick]] = [pool[pick]!, pool[index]!]
    const {text, link: found} = pool[index]!
    const from = Math.max(0, Math.min(found.refersTo!.start, found.pronoun.start - 250) - 80)
    const context = text.slice(from, found.pronoun.end + 40).replace(/\s*\n\s*/gu, ' ¶ ')
    process.stdout.write(`  [${index + 1}] ${found.pronoun.text} → ${found.refersTo!.text}\n      …${context}…\n`)
  }
  return {sources: all.length, linked: linked.length}
}

async function evaluateAttribution(file: string, predictions: string[], failures: boolean, modelFile: string | undefined): Promise<Record<string, unknown>> {
  const articles = await readAttributionGold(file)
  const find = createAttributionFinder(modelFile === undefined ? {} : {attributionModel: {model: pathToFileURL(path.resolve(modelFile))}})
  const findByRules = createAttributionFinder({attributionModel: {model: null}})
  let rulesAll = emptyAttributionCounts()
  let rulesSpeech = emptyAttributionCounts()
  const isSpeech = createSpeechCueTest()
  const cueText = (item: GoldAttribution): string => item.cue.map((span) => span.text ?? '').join(' ')
  let all = emptyAttributionCounts()
  let speech = emptyAttributionCounts()
  let characters = 0
  let milliseconds = 0
  const compared: FailureArticle[] = []
  for (const article of articles) {
    const started = performance.now()
    const predicted = find(article.text)
    milliseconds += performance.now() - started
    characters += article.text.length
    all = addAttribution(all, scoreAttributions(article.text, predicted, article.attributions))
    speech = addAttribution(
      speech,
      scoreAttributions(
        article.text,
        predicted.filter((item) => isSpeech(cueText(item))),
        article.attributions.filter((item) => isSpeech(cueText(item)))
      )
    )
    const byRules = findByRules(article.text)
    rulesAll = addAttribution(rulesAll, scoreAttributions(article.text, byRules, article.attributions))
    rulesSpeech = addAttribution(
      rulesSpeech,
      scoreAttributions(
        article.text,
        byRules.filter((item) => isSpeech(cueText(item))),
        article.attributions.filter((item) => isSpeech(cueText(item)))
      )
    )
    predictions.push(JSON.stringify({doc_id: article.doc_id, text: article.text, attributions: predicted}) + '\n')
    if (failures) compared.push({docId: article.doc_id, text: article.text, gold: article.attributions, predicted})
  }
  const name = path.basename(file)
  const allMetrics = attributionMetrics(all)
  const speechMetrics = attributionMetrics(speech)
  const megabytesPerSecond = characters / 1e6 / (milliseconds / 1000)
  const rulesMetrics = attributionMetrics(rulesAll)
  const rulesSpeechMetrics = attributionMetrics(rulesSpeech)
  const exactF1 = (metrics: AttributionMetrics): string => roles.map((role) => fixed(metrics.exact[role].f1)).join(' / ')
  process.stdout.write(
    `attribution ${name}: ${articles.length} articles, ${all.gold} gold and ${all.predicted} predicted attributions; ` +
      `${megabytesPerSecond.toFixed(2)} MB/s\n` +
      `  rules and tagger (${modelFile ?? 'pipeline/attribution-model/data/model.json'})\n` +
      table('all', allMetrics) +
      table('speech subset', speechMetrics) +
      `  rules alone (before), exact F1 source / cue / content: all ${exactF1(rulesMetrics)}; speech subset ${exactF1(rulesSpeechMetrics)}\n`
  )
  const result: Record<string, unknown> = {
    articles: articles.length,
    throughputMBps: megabytesPerSecond,
    ...allMetrics,
    speech: speechMetrics,
    before: {...rulesMetrics, speech: rulesSpeechMetrics}
  }
  if (failures) {
    const report = attributionFailures(compared)
    process.stdout.write(formatFailures(report))
    result['failures'] = failureCounts(report)
  }
  return result
}

const spanErrorLabels: Record<SpanError, string> = {
  startEarly: 'starts too early',
  startLate: 'starts too late',
  endEarly: 'ends too early',
  endLate: 'ends too late',
  piecesDiffer: 'same ends, other pieces',
  disjoint: 'no overlap',
  missing: 'missing',
  spurious: 'spurious'
}

/** The failure report as text: cue groups, then the edges of cue, content and source. */
function formatFailures(report: AttributionFailures): string {
  let out =
    `  failures: ${report.paired} pair${report.paired === 1 ? '' : 's'} of gold and predicted attributions by overlapping cue, as whole attributions are scored` +
    (report.withoutCue.gold + report.withoutCue.predicted > 0 ? `; without a cue: ${report.withoutCue.gold} gold, ${report.withoutCue.predicted} predicted` : '') +
    '\n'
  const cues = (title: string, failures: CueFailures): void => {
    out += `  ${title}: ${failures.total}\n`
    for (const group of failures.groups) {
      const words = group.words.map((item) => `${item.word} ${item.count}`).join(', ')
      out += `    ${group.kind.padEnd(18)}${String(group.count).padStart(5)}\n`
      out += `      ${words}\n`
      for (const example of group.examples) out += `        ${example.context}  (${example.docId})\n`
    }
  }
  cues('missed cues (gold, no predicted cue overlaps it)', report.missed)
  cues('spurious cues (predicted, no gold cue overlaps it)', report.spurious)
  out +=
    `  cues overlapped but left unpaired (the other side's cue is paired with another attribution): ` +
    `${report.sharedCue.gold} gold, ${report.sharedCue.predicted} predicted\n`
  const edges = (title: string, failures: SpanFailures, errors: readonly SpanError[]): void => {
    out += `  ${title}: ${failures.compared} compared, ${failures.exact} exact; ` + errors.map((error) => `${spanErrorLabels[error]} ${failures.counts[error]}`).join(', ') + '\n'
    for (const error of errors) {
      if (failures.examples[error].length === 0) continue
      out += `    ${spanErrorLabels[error]}\n`
      for (const example of failures.examples[error]) {
        out += `      ${example.docId} (${shortCue(example.cue)})\n`
        out += `        gold      ${JSON.stringify(example.gold)}\n        predicted ${JSON.stringify(example.predicted)}\n`
      }
    }
  }
  edges('cue boundary', report.cue, ['startEarly', 'startLate', 'endEarly', 'endLate', 'piecesDiffer'])
  edges('content boundary', report.content, spanErrors)
  edges('source boundary', report.source, spanErrors)
  return out
}

function shortCue(cue: string): string {
  return cue.length > 30 ? `${cue.slice(0, 29)}…` : cue
}

async function evaluateClaims(file: string, predictions: string[], modelFile: string | undefined): Promise<Record<string, unknown>> {
  const cases = await readClaims(file)
  const model = modelFile === undefined ? undefined : loadModel(pathToFileURL(path.resolve(modelFile)))
  const after = measureClaims(cases, createClaimScorer(model === undefined ? {} : {model}))
  const before = measureClaims(cases, createClaimScorer({model: null}))
  for (const item of after.scored) predictions.push(JSON.stringify({id: item.id, score: item.score, claim: item.score >= claimThreshold}) + '\n')
  const name = path.basename(file)
  const debate = /\.tsv$/iu.test(file)
  const describe = ({scores}: ClaimMeasure): string =>
    `at ${claimThreshold}: P ${fixed(scores.precision)} R ${fixed(scores.recall)} F1 ${fixed(scores.f1)}; average precision ${fixed(scores.averagePrecision)}`
  process.stdout.write(
    `claims ${name}: ${cases.length} sentences${debate ? ' (one debate: its AP; MAP is their mean over files)' : ''}\n` +
      `  model ${modelFile === undefined ? '(pipeline/claims/data/model.json)' : modelFile}  ${describe(after)}\n` +
      `  hand-set weights (before)  ${describe(before)}\n`
  )
  const result: Record<string, unknown> = {sentences: cases.length, ...after.scores, before: {...before.scores, ...(debate ? {map: before.scores.averagePrecision} : {})}}
  // One debate a file: MAP over the files given is the mean of these.
  if (debate) result['map'] = after.scores.averagePrecision
  return result
}

interface ClaimMeasure {
  scored: Array<ClaimCase & {score: number}>
  scores: PRF & {averagePrecision: number}
}

function measureClaims(cases: ClaimCase[], score: (text: string) => number): ClaimMeasure {
  const scored = cases.map((item) => ({...item, score: score(item.text)}))
  let truePositives = 0
  let predicted = 0
  for (const item of scored) {
    const claim = item.score >= claimThreshold
    if (claim) predicted++
    if (claim && item.label) truePositives++
  }
  const scores = prf(truePositives, predicted, scored.filter((item) => item.label).length)
  return {scored, scores: {...scores, averagePrecision: averagePrecision(scored.map((item) => ({score: item.score, label: item.label})))}}
}

function table(title: string, metrics: AttributionMetrics): string {
  const row = (label: string, a: PRF, b?: PRF): string =>
    `  ${label.padEnd(16)}${triple(a)}${b ? '   ' + triple(b) : ''}\n`
  let out = `  ${title} (${metrics.attributions.gold} gold, ${metrics.attributions.predicted} predicted)\n`
  out += `  ${''.padEnd(16)}${'exact P/R/F1'.padEnd(20)}   overlap P/R/F1\n`
  for (const role of roles) out += row(role, metrics.exact[role], metrics.overlap[role])
  out += row('whole strict', metrics.strict)
  out += row('whole lenient', metrics.lenient)
  return out
}

function triple(value: PRF): string {
  return `${fixed(value.precision)} ${fixed(value.recall)} ${fixed(value.f1)}`.padEnd(20)
}

function fixed(value: number): string {
  return value.toFixed(3)
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

if (process.argv[1]?.endsWith('eval/cli.ts')) {
  process.exitCode = await main(process.argv.slice(2))
}
