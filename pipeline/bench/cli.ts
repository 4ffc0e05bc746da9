import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import os, {tmpdir} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import type {ArticleFormat} from '../processor.ts'
import {defaultJobs, jobsFile, saveJobsMeasure} from '../cli/jobs.ts'
import {projectRoot} from '../project.ts'

const project = projectRoot
const launcher = path.join(project, 'pipeline/cli/launch.mjs')
const polnear = path.resolve(project, '../shared/eval/attribution/polnear-train.jsonl')

const help = `Usage: npm run bench -- [--articles N] [--json]

Measures, in one run, each method in a process of its own (so its peak
memory is its own):
  parse        bare retext-english parse
  pipeline     the whole annotate pipeline: parse, every plugin, YAML
  wink         wink-nlp's sentence splitting (peer, for comparison)
  compromise   compromise's sentence splitting (peer, for comparison)
over news articles: the texts of ../shared/eval/attribution/polnear-train.jsonl
when present, otherwise articles made from seeds/ (each method timed after a
warm-up on 300 articles; parse, pipeline and the pipeline with hand-set
check-worthiness weights (to time the trained model) and without the attribution tagger
(to time the tagger) in three rounds, one straight after
the other, so that the machine's drift touches both alike: the median round,
and the median of the rounds' ratios); the tagger alone, in tokens/s. Then the pipeline on single documents
of 100 KB, 1 MB and 5 MB (warmed up on 300 articles and one 100 KB document;
each size run until 2 MB have been processed), and the annotate command on N
articles (default 1000): cold on one thread and cold on a worker thread per
core, three of each, alternating, and five unchanged re-runs (medians). The
two cold medians are kept in node_modules/.cache/claimcheck/jobs.json:
annotate's default --jobs is one a core only where workers measured at least
1.1x faster than one thread, and one thread otherwise. Speed is MB/s of
UTF-8 text and articles/s; memory is peak RSS.

  --markup     also time the pipeline on the articles written as Markdown (a
               block a line) and as HTML (a <p> a line), and on single
               Markdown and HTML documents of 100 KB, 1 MB and 5 MB
  --processes  also time the pipeline cold (no warm-up) in fresh processes:
               one on every article, one on half of them, and two at once on
               the two halves; with V8's helper threads (as annotate runs)
               and with everything on one thread (node --single-threaded).
               Wall and CPU seconds: what a second worker could gain.
`

interface Measure {
  method: string
  bytes: number
  articles: number
  milliseconds: number
  peakRssMB: number
  /** CPU time of the timed work, all of the process's threads. */
  cpuMilliseconds: number
  /** The tagger method: how many tokens it tagged. */
  tokens?: number
}

export async function main(argv: string[]): Promise<number> {
  const {values} = parseArgs({
    args: argv,
    options: {
      articles: {type: 'string', default: '1000'},
      json: {type: 'boolean', default: false},
      method: {type: 'string'},
      corpus: {type: 'string'},
      size: {type: 'string'},
      part: {type: 'string'},
      processes: {type: 'boolean', default: false},
      markup: {type: 'boolean', default: false},
      format: {type: 'string', default: 'text'},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  if (values.method !== undefined) {
    let texts = JSON.parse(readFileSync(values.corpus!, 'utf8')) as string[]
    if (values.part !== undefined) {
      // "1/2": every second article, from the second.
      const [part, parts] = values.part.split('/').map(Number) as [number, number]
      texts = texts.filter((_, index) => index % parts === part)
    }
    const format = values.format as ArticleFormat
    if (format !== 'text') texts = texts.map((text) => written(text, format))
    process.stdout.write(JSON.stringify(await measure(values.method, texts, Number(values.size ?? 0), format)) + '\n')
    return 0
  }

  const count = Number(values.articles)
  const {texts, source} = corpus(count)
  const work = mkdtempSync(path.join(tmpdir(), 'claimcheck-bench-'))
  try {
    const corpusFile = path.join(work, 'corpus.json')
    writeFileSync(corpusFile, JSON.stringify(texts))
    const child = (method: string, size = 0, format: ArticleFormat = 'text'): Measure => {
      const result = spawnSync(process.execPath, [launcher, 'bench', '--method', method, '--corpus', corpusFile, '--size', String(size), '--format', format], {
        encoding: 'utf8',
        maxBuffer: 1 << 26
      })
      if (result.status !== 0) throw new Error(`bench ${method} failed: ${result.stderr}`)
      return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Measure
    }
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
    process.stderr.write(`corpus: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB (${source})\n`)
    // The machine's speed drifts (other work on the host): bare parsing and the pipeline are timed
    // in rounds, each one straight after the other, and the ratio is the median round's.
    const rounds = Array.from({length: pairedRounds}, () => ({parse: child('parse'), pipeline: child('pipeline'), handSet: child('hand-set'), rules: child('rules')}))
    const tagger = child('tagger')
    const methods = [median(rounds.map((round) => round.parse)), median(rounds.map((round) => round.pipeline)), child('wink'), child('compromise')]
    const curve = [100_000, 1_000_000, 5_000_000].map((size) => child('document', size))
    const cli = runCli(texts, work)
    // What annotate's default --jobs goes by on this machine.
    await saveJobsMeasure({
      cores: os.availableParallelism(),
      articles: cli.articles,
      oneThreadSeconds: cli.coldOneThreadSeconds,
      workersSeconds: cli.coldWorkersSeconds,
      measured: new Date().toISOString()
    })
    process.stderr.write(`annotate's default --jobs on this machine is now ${defaultJobs().jobs} (${jobsFile})\n`)
    const markup = values.markup
      ? (['markdown', 'html'] as const).map((format) => ({
          format,
          articles: child('pipeline', 0, format),
          curve: [100_000, 1_000_000, 5_000_000].map((size) => child('document', size, format))
        }))
      : undefined
    const processes = values.processes ? await coldProcesses(corpusFile) : undefined
    const report = {corpus: {articles: texts.length, megabytes: bytes / 1e6, source}, methods, rounds, tagger, curve, cli, ...(markup ? {markup} : {}), ...(processes ? {processes} : {})}
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n')
    else process.stdout.write(format(report))
    return 0
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/** Rounds of bare parsing then the pipeline, each method in a fresh process. */
const pairedRounds = 3

const megabytesPerSecond = (item: Measure): number => item.bytes / 1e6 / (item.milliseconds / 1000)

/** The measure of median speed (the middle one of an odd number), with the highest peak RSS of all. */
function median(measures: Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => megabytesPerSecond(a) - megabytesPerSecond(b))
  return {...sorted[(sorted.length - 1) >> 1]!, peakRssMB: Math.max(...measures.map((item) => item.peakRssMB))}
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length % 2 === 1 ? sorted[(sorted.length - 1) >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
}

/** The texts to measure on: PolNeAR's training articles when present, else variations of the seeds. */
function corpus(count: number): {texts: string[]; source: string} {
  let base: string[]
  let source: string
  if (existsSync(polnear)) {
    base = readFileSync(polnear, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as {text: string}).text)
    source = path.relative(process.cwd(), polnear)
  } else {
    const seeds = path.join(project, 'seeds')
    base = readdirSync(seeds, {recursive: true, encoding: 'utf8'})
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(path.join(seeds, name), 'utf8'))
    source = 'seeds/ (../shared/eval/attribution/polnear-train.jsonl is absent)'
  }
  const texts = Array.from({length: count}, (_, index) => {
    const text = base[index % base.length]!
    // Repeats differ, as real articles do (and the cache must not see them as one).
    return index < base.length ? text : `${text}\nCopy ${index} of this article was filed separately, an editor said.\n`
  })
  return {texts, source}
}

/**
 * Articles run before timing starts. The pipeline reaches its steady speed
 * only after some 300 articles (0.5 MB/s over the first hundred, 1.5 over the
 * third, then about 2), as the engine compiles its hot code; every method
 * gets the same warm-up.
 */
const warmUp = 300

/** An article written as Markdown (a block a line) or HTML (a paragraph a line). */
function written(text: string, format: ArticleFormat): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (format === 'markdown') return lines.join('\n\n') + '\n'
  if (format === 'html') return lines.map((line) => `<p>${line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`).join('\n') + '\n'
  return text
}

async function measure(method: string, texts: string[], size: number, format: ArticleFormat = 'text'): Promise<Measure> {
  const {unified} = await import('unified')
  let run: (text: string) => void
  if (method === 'parse') {
    const retextEnglish = (await import('retext-english')).default
    const processor = unified().use(retextEnglish)
    run = (text) => void processor.parse(text)
  } else if (method === 'tagger') {
    return timeTagger(texts)
  } else if (method === 'pipeline' || method === 'hand-set' || method === 'rules' || method === 'document' || method === 'cold') {
    const {VFile} = await import('vfile')
    const {annotate, createAnnotator, loadMarkupParsers} = await import('../processor.ts')
    if (format !== 'text') await loadMarkupParsers()
    // hand-set: the same pipeline scoring check-worthiness without the model, to time the model.
    // rules: the pipeline without the attribution tagger, to time the tagger.
    const annotator = createAnnotator(format, method === 'hand-set' ? {claims: {model: null}} : method === 'rules' ? {attributionModel: {model: null}} : {})
    const name = `bench.${format === 'markdown' ? 'md' : format === 'html' ? 'html' : 'txt'}`
    // As annotate runs it: a long document a section at a time.
    run = (text) => void annotate(annotator, new VFile({path: name, value: text}), format)
  } else if (method === 'wink') {
    // Dev-only peers, loaded by name: not part of the product.
    const winkNLP = (await import('wink-nlp' as string)).default as (model: unknown) => {readDoc(text: string): {sentences(): {out(): string[]}}}
    const model = (await import('wink-eng-lite-web-model' as string)).default
    const nlp = winkNLP(model)
    run = (text) => void nlp.readDoc(text).sentences().out()
  } else if (method === 'compromise') {
    const nlp = (await import('compromise' as string)).default as (text: string) => {sentences(): {out(format: string): string[]}}
    run = (text) => void nlp(text).sentences().out('array')
  } else {
    throw new Error(`unknown method ${method}`)
  }
  let inputs = texts
  if (method === 'document') {
    // The same warm-up as for articles, and one document of 100 KB, so the long-document path (in
    // sections) is compiled before it is timed, as the article path is.
    const documentOf = (length: number): string => {
      let document = ''
      for (let index = 0; document.length < length; index++) document += texts[index % texts.length] + (format === 'html' ? '\n' : '\n\n')
      return document.slice(0, length)
    }
    for (const text of texts.slice(0, warmUp)) run(text)
    run(documentOf(100_000))
    // At least 2 MB in all, so a small document's figure is not one run's luck with the collector.
    const document = documentOf(size)
    inputs = Array.from({length: Math.max(1, Math.round(2_000_000 / size))}, () => document)
  } else if (method !== 'cold') {
    for (const text of texts.slice(0, warmUp)) run(text)
  }
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (const text of inputs) run(text)
  const milliseconds = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return {
    method: method === 'document' ? `document ${formatSize(size)}` : method,
    bytes: inputs.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    articles: inputs.length,
    milliseconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    cpuMilliseconds: (cpu.user + cpu.system) / 1000
  }
}

interface ColdRuns {
  /** With V8's helper threads (as annotate runs), then with node --single-threaded. */
  helperThreads: ColdRun
  singleThreaded: ColdRun
}

interface ColdRun {
  whole: Measure
  half: Measure
  /** The two halves, run at the same time. */
  halves: [Measure, Measure]
}

/**
 * The pipeline cold in fresh processes: on every article, on half, and on the
 * two halves at once. If the two halves at once take as long as the whole,
 * a second process (or worker) gains nothing.
 */
async function coldProcesses(corpusFile: string): Promise<ColdRuns> {
  const run = (part: string, flags: string[]): Promise<Measure> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...flags, launcher, 'bench', '--method', 'cold', '--corpus', corpusFile, '--part', part], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) => {
        if (code === 0) resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure)
        else reject(new Error(`bench cold ${part} failed: ${stderr}`))
      })
    })
  const runs = async (flags: string[]): Promise<ColdRun> => ({
    whole: await run('0/1', flags),
    half: await run('0/2', flags),
    halves: await Promise.all([run('0/2', flags), run('1/2', flags)])
  })
  return {helperThreads: await runs([]), singleThreaded: await runs(['--single-threaded'])}
}

interface CliRuns {
  articles: number
  coldOneThreadSeconds: number
  coldWorkersSeconds: number
  unchangedSeconds: number
  identical: boolean
  /** Peak RSS of the cold run on one thread, and of the cold run on worker threads (all threads). */
  peakRssOneThreadMB: number
  peakRssWorkersMB: number
  /** Every run's seconds, of which the figures above are the medians. */
  runs: {coldOneThreadSeconds: number[]; coldWorkersSeconds: number[]; unchangedSeconds: number[]}
}

/** Cold runs of each kind (alternating), and unchanged re-runs; the figures are medians. */
const cliRounds = 3
const unchangedRuns = 5

/** The annotate command itself on the corpus as seeds/: cold on one thread, cold on workers, unchanged. */
function runCli(texts: string[], work: string): CliRuns {
  const folder = path.join(work, 'cli')
  mkdirSync(path.join(folder, 'seeds'), {recursive: true})
  texts.forEach((text, index) => writeFileSync(path.join(folder, 'seeds', `article-${String(index).padStart(5, '0')}.txt`), text))
  const annotate = (...args: string[]): {seconds: number; rss: number} => {
    const started = performance.now()
    // GNU time reports the peak RSS of the whole run, worker threads included; without it, none is reported.
    const timed = existsSync('/usr/bin/time')
    const command = [process.execPath, launcher, 'annotate', '--quiet', ...args]
    const result = timed
      ? spawnSync('/usr/bin/time', ['-f', '%M', ...command], {cwd: folder, encoding: 'utf8'})
      : spawnSync(command[0]!, command.slice(1), {cwd: folder, encoding: 'utf8'})
    const seconds = (performance.now() - started) / 1000
    if (result.status !== 0 && result.status !== null) throw new Error(`annotate failed: ${result.stderr}`)
    const rss = timed ? Number(result.stderr.trim().split('\n').at(-1)) / 1024 : Number.NaN
    return {seconds, rss: Number.isFinite(rss) ? rss : Number.NaN}
  }
  const snapshot = (): string[] =>
    readdirSync(path.join(folder, 'annotations'))
      .sort()
      .map((name) => readFileSync(path.join(folder, 'annotations', name), 'utf8'))
  // Cold runs alternate, one thread then workers, so drift in the machine's speed touches both alike.
  const ones: Array<{seconds: number; rss: number}> = []
  const workers: Array<{seconds: number; rss: number}> = []
  let identical = true
  for (let round = 0; round < cliRounds; round++) {
    rmSync(path.join(folder, 'annotations'), {recursive: true, force: true})
    ones.push(annotate('--jobs', '1', '--no-cache'))
    const single = snapshot()
    rmSync(path.join(folder, 'annotations'), {recursive: true})
    workers.push(annotate('--jobs', String(os.availableParallelism()), '--no-cache'))
    const parallel = snapshot()
    identical &&= single.length === parallel.length && single.every((text, index) => text === parallel[index])
  }
  annotate()
  const unchanged = Array.from({length: unchangedRuns}, () => annotate().seconds)
  const coldOneThreadSeconds = middle(ones.map((run) => run.seconds))
  return {
    articles: texts.length,
    coldOneThreadSeconds,
    coldWorkersSeconds: middle(workers.map((run) => run.seconds)),
    unchangedSeconds: middle(unchanged),
    identical,
    peakRssOneThreadMB: Math.max(...ones.map((run) => run.rss)),
    peakRssWorkersMB: Math.max(...workers.map((run) => run.rss)),
    runs: {coldOneThreadSeconds: ones.map((run) => run.seconds), coldWorkersSeconds: workers.map((run) => run.seconds), unchangedSeconds: unchanged}
  }
}

interface MarkupRuns {
  format: 'markdown' | 'html'
  articles: Measure
  curve: Measure[]
}

/**
 * The attribution tagger alone: the articles' body sentences are read with
 * the rules first (not timed), then tagged, after a warm-up on a tenth of them.
 */
async function timeTagger(texts: string[]): Promise<Measure> {
  const {unified} = await import('unified')
  const {VFile} = await import('vfile')
  const {default: retextEnglishLines} = await import('../parse/index.ts')
  const {default: retextNewsSentences} = await import('../sentences/index.ts')
  const {default: retextDateline} = await import('../dateline/index.ts')
  const {default: retextFurniture} = await import('../furniture/index.ts')
  const {default: retextAttribution} = await import('../attribution/index.ts')
  const {loadCueLexicon} = await import('../attribution/lexicon.ts')
  const {SourceTyper} = await import('../attribution/source.ts')
  const {FlagLexicon} = await import('../attribution-model/features.ts')
  const {Tagger} = await import('../attribution-model/model.ts')
  const {readSentences} = await import('../attribution-model/sentences.ts')
  const processor = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextDateline).use(retextFurniture).use(retextAttribution).freeze()
  const sentences = texts.flatMap((text) => {
    const file = new VFile({value: text})
    const tree = processor.runSync(processor.parse(file), file) as import('nlcst').Root
    return readSentences(tree, file, file.data.attributions ?? []).map((sentence) => sentence.input)
  })
  const tagger = Tagger.load(new FlagLexicon(loadCueLexicon(), new SourceTyper(new URL('../attribution/data/sources.yml', import.meta.url))))
  for (const sentence of sentences.slice(0, Math.ceil(sentences.length / 10))) tagger.tag(sentence)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (const sentence of sentences) tagger.tag(sentence)
  const milliseconds = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return {
    method: 'tagger',
    bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    articles: texts.length,
    milliseconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    cpuMilliseconds: (cpu.user + cpu.system) / 1000,
    tokens: sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0)
  }
}

/** What share of the pipeline's time the attribution tagger takes: 1 − time without it / time with it. */
function taggerShare(round: {pipeline: Measure; rules: Measure}): number {
  return 1 - round.rules.milliseconds / round.rules.bytes / (round.pipeline.milliseconds / round.pipeline.bytes)
}

/** What share of the pipeline's time the trained model takes: 1 − hand-set time / model time. */
function modelShare(round: {pipeline: Measure; handSet: Measure}): number {
  return 1 - round.handSet.milliseconds / round.handSet.bytes / (round.pipeline.milliseconds / round.pipeline.bytes)
}

function format(report: {
  corpus: {articles: number; megabytes: number; source: string}
  methods: Measure[]
  rounds: Array<{parse: Measure; pipeline: Measure; handSet: Measure; rules: Measure}>
  tagger: Measure
  curve: Measure[]
  cli: CliRuns
  markup?: MarkupRuns[]
  processes?: ColdRuns
}): string {
  const rate = megabytesPerSecond
  const pipeline = report.methods.find((item) => item.method === 'pipeline')!
  const lines = [
    `${report.corpus.articles} articles, ${report.corpus.megabytes.toFixed(2)} MB, from ${report.corpus.source}; one core each`,
    '',
    '| method | MB/s | articles/s | peak RSS (MB) |',
    '|---|---:|---:|---:|',
    ...report.methods.map(
      (item) => `| ${item.method} | ${rate(item).toFixed(2)} | ${(item.articles / (item.milliseconds / 1000)).toFixed(0)} | ${item.peakRssMB.toFixed(0)} |`
    ),
    '',
    `parse and pipeline: the median of ${report.rounds.length} rounds, each method in a fresh process, pipeline straight after parse; peak RSS the highest`,
    `pipeline / bare parse, each round: ${report.rounds.map((round) => `${((rate(round.pipeline) / rate(round.parse)) * 100).toFixed(0)}%`).join(', ')}; ` +
      `median ${(middle(report.rounds.map((round) => rate(round.pipeline) / rate(round.parse))) * 100).toFixed(0)}%`,
    `check-worthiness model's share of the pipeline's time (against the pipeline with hand-set weights, timed straight after), each round: ` +
      `${report.rounds.map((round) => `${(modelShare(round) * 100).toFixed(1)}%`).join(', ')}; median ${(middle(report.rounds.map(modelShare)) * 100).toFixed(1)}%`,
    `attribution tagger's share of the pipeline's time (against the pipeline without it, timed straight after), each round: ` +
      `${report.rounds.map((round) => `${(taggerShare(round) * 100).toFixed(1)}%`).join(', ')}; median ${(middle(report.rounds.map(taggerShare)) * 100).toFixed(1)}%; ` +
      `the tagger alone: ${((report.tagger.tokens ?? 0) / (report.tagger.milliseconds / 1000) / 1e6).toFixed(2)} million tokens/s (${report.tagger.tokens ?? 0} tokens of body sentences)`,
    '',
    '| single document | MB/s | share of article-sized MB/s | peak RSS (MB) |',
    '|---|---:|---:|---:|',
    ...report.curve.map((item) => `| ${item.method.replace('document ', '')} | ${rate(item).toFixed(2)} | ${((rate(item) / rate(pipeline)) * 100).toFixed(0)}% | ${item.peakRssMB.toFixed(0)} |`),
    '',
    `annotate on ${report.cli.articles} articles: cold, one thread ${report.cli.coldOneThreadSeconds.toFixed(2)} s; ` +
      `cold, worker threads ${report.cli.coldWorkersSeconds.toFixed(2)} s (${(report.cli.coldOneThreadSeconds / report.cli.coldWorkersSeconds).toFixed(2)}x); ` +
      `unchanged re-run ${report.cli.unchangedSeconds.toFixed(2)} s (${(report.cli.coldOneThreadSeconds / report.cli.unchangedSeconds).toFixed(1)}x faster than cold); ` +
      `output ${report.cli.identical ? 'byte-identical' : 'DIFFERENT'} across thread counts; peak RSS ${report.cli.peakRssOneThreadMB.toFixed(0)} MB on one thread, ${report.cli.peakRssWorkersMB.toFixed(0)} MB with workers`,
    `(medians: ${report.cli.runs.coldOneThreadSeconds.length} cold runs of each kind, alternating, ${report.cli.runs.unchangedSeconds.length} unchanged re-runs; ` +
      `seconds: one thread ${report.cli.runs.coldOneThreadSeconds.map((value) => value.toFixed(2)).join(', ')}; ` +
      `workers ${report.cli.runs.coldWorkersSeconds.map((value) => value.toFixed(2)).join(', ')}; ` +
      `unchanged ${report.cli.runs.unchangedSeconds.map((value) => value.toFixed(3)).join(', ')})`,
    ''
  ]
  if (report.markup) {
    lines.push(
      '| pipeline, MB/s (peak RSS, MB) | articles | 100 KB | 1 MB | 5 MB |',
      '|---|---:|---:|---:|---:|',
      ...report.markup.map(
        (run) =>
          `| ${run.format === 'markdown' ? 'Markdown' : 'HTML'} | ${[run.articles, ...run.curve].map((item) => `${rate(item).toFixed(2)} (${item.peakRssMB.toFixed(0)})`).join(' | ')} |`
      ),
      ''
    )
  }
  if (report.processes) {
    const seconds = (item: Measure): string => `${(item.milliseconds / 1000).toFixed(2)} s wall, ${(item.cpuMilliseconds / 1000).toFixed(2)} s CPU`
    lines.push(
      '| pipeline cold, fresh processes | all articles | half | two halves at once (each) |',
      '|---|---|---|---|',
      ...(
        [
          ['with V8 helper threads', report.processes.helperThreads],
          ['--single-threaded', report.processes.singleThreaded]
        ] as const
      ).map(([name, run]) => `| ${name} | ${seconds(run.whole)} | ${seconds(run.half)} | ${seconds(run.halves[0])}; ${seconds(run.halves[1])} |`),
      ''
    )
  }
  return lines.join('\n')
}

function formatSize(size: number): string {
  return size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`
}
