import {statSync} from 'node:fs'
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import type {Annotation} from '../annotation/model.ts'
import {fromReviewState} from '../annotation/model.ts'
import {AnnotateCache, pipelineHash, sha256} from './cache.ts'
import {defaultJobs} from './jobs.ts'
import {type SummaryOptions, summaryMarkdown} from './summary.ts'
import {restore} from './messages.ts'
import type {Task, TaskResult} from './task.ts'
import {writeAtomic} from './write.ts'

export const help = `Usage: npm run annotate -- [options] [PATH...]

Annotate news articles for fact-checking: sentences, attributions (source,
cue, content; a "he" or "she" source linked to the person it most likely is),
anonymous sources, check-worthy claims with their quantities and hedges,
dateline, headings and page furniture.

With no PATH, every article under the seeds folder is annotated: plain text
(.txt), Markdown (.md) and HTML (.html). A folder PATH means every article
below it; a file PATH is annotated whatever its extension (plain text unless
it ends in .md, .markdown, .html or .htm). An article at <seeds>/a/b.txt is
written to <out>/a/b.yaml; an article outside the seeds folder to
<out>/<its name>.yaml. Offsets in the YAML refer to the original file; texts
are plain text, without markup. Files are written
atomically: a reader sees the old annotation or the new one, never half.

Reviews are kept: what reviewers wrote in an existing annotation is carried
over to the new one (moved with needs_recheck when its sentence changed, kept
under obsolete when its sentence is gone). An existing annotation that is not
valid (YAML syntax, unknown status or key, wrong type, duplicate id, comments)
is reported with its line and column and left untouched.

Options:
  --check        write nothing; report every annotation that is missing, out of
                 date or invalid, with a unified diff on standard output, and
                 exit 1 if there is any
  --summary      print a Markdown summary: body sentences by review status,
                 attributions, anonymous sources, reviews to recheck, obsolete
                 reviews, per article; then the sentences judged disputed,
                 false or misleading and those to recheck, with their text
  --since REF    with --summary: also what changed since the commit REF (for
                 a pull request, its base, such as origin/main): reviews whose
                 status or text changed, new needs_recheck and obsolete
                 reviews, new anonymous sources with no basis given, new
                 sentences scoring 0.5 or more, each with its text
  --stdout       print the YAML to standard output instead of writing files
                 (several articles: one YAML document each, separated by ---)
  --seeds DIR    folder of articles (default: seeds)
  --out DIR      folder for annotations (default: annotations)
  --jobs N       worker threads for large batches; --jobs 1 annotates in this
                 process. Default: 1, or one a core where \`npm run bench\`
                 measured on this machine that workers are at least 1.1x
                 faster (on 2 cores they were not: 0.92-1.07x)
  --no-cache     annotate every article even if nothing changed since the
                 last run (the cache is in node_modules/.cache/claimcheck)
  --reporter github
                 also print every error and warning as a GitHub Actions
                 workflow command (::error file=…,line=…,col=…::…), which
                 GitHub shows on the pull request's lines; the default when
                 GITHUB_ACTIONS=true. On standard output, or on standard
                 error when standard output carries --stdout or --summary
  --quiet        report errors only: no per-article summary, no progress
  -h, --help     show this help and exit

Progress (articles done, total, rate) is shown on a terminal for batches of
more than a few articles.

A report per article goes to standard error: sentences, attributions,
anonymous sources, claims, quantities and hedges, and every article that could not be annotated (unreadable,
empty, binary or not UTF-8) with its path and place. The other articles are
still annotated.

Exit status: 0 when every article was annotated (with --check: every
annotation is up to date), 1 otherwise, 2 when the options are wrong.
`

interface Options {
  /** Also print errors and warnings as GitHub workflow commands. */
  github: boolean
  paths: string[]
  jobs: number
  cache: boolean
  check: boolean
  summary: boolean
  /** With summary: the commit to compare the annotations with. */
  since?: string
  stdout: boolean
  seeds: string
  out: string
  quiet: boolean
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let options: Options
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        check: {type: 'boolean', default: false},
        jobs: {type: 'string'},
        'no-cache': {type: 'boolean', default: false},
        summary: {type: 'boolean', default: false},
        since: {type: 'string'},
        stdout: {type: 'boolean', default: false},
        seeds: {type: 'string', default: 'seeds'},
        out: {type: 'string', default: 'annotations'},
        quiet: {type: 'boolean', default: false},
        reporter: {type: 'string'},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
    if (values.help) {
      process.stdout.write(help)
      return 0
    }
    const jobs = values.jobs === undefined ? defaultJobs().jobs : Number(values.jobs)
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs takes a whole number from 1 up, not ${values.jobs}`)
    if (values.reporter !== undefined && values.reporter !== 'github' && values.reporter !== 'default') {
      throw new Error(`--reporter takes github or default, not ${values.reporter}`)
    }
    if (values.since !== undefined && !values.summary) throw new Error('--since goes with --summary')
    options = {
      ...(values.since === undefined ? {} : {since: values.since}),
      github: values.reporter === 'github' || (values.reporter === undefined && process.env['GITHUB_ACTIONS'] === 'true'),
      paths: positionals,
      jobs,
      cache: !values['no-cache'],
      check: values.check,
      summary: values.summary,
      stdout: values.stdout,
      seeds: values.seeds,
      out: values.out,
      quiet: values.quiet
    }
  } catch (error) {
    process.stderr.write(`annotate: ${(error as Error).message}\nTry \`npm run annotate -- --help\`.\n`)
    return 2
  }

  if (options.since !== undefined) {
    const {refProblem} = await import('./git.ts')
    const problem = refProblem(options.since, cwd)
    if (problem) {
      process.stderr.write(`annotate: --since ${options.since}: ${problem}\n`)
      return 2
    }
  }

  const seeds = path.resolve(cwd, options.seeds)
  let inputs: string[]
  const missing: VFile[] = []
  try {
    inputs = await collect(options.paths.length > 0 ? options.paths : [options.seeds], cwd, missing)
  } catch (error) {
    process.stderr.write(`annotate: ${(error as Error).message}\n`)
    return 1
  }
  if (inputs.length === 0 && missing.length === 0) {
    process.stderr.write(`annotate: no articles (.txt, .md, .html) found in ${options.paths.length > 0 ? options.paths.join(', ') : options.seeds}\n`)
    return 1
  }

  const out = path.resolve(cwd, options.out)
  const base = path.resolve(cwd)
  const posix = (file: string): string => relativeTo(base, file).split(path.sep).join('/')
  // Unchanged articles (same bytes, same pipeline, annotation as last written) are not redone; when
  // neither file was even touched (size and time), they are not read.
  const cache = options.cache ? new AnnotateCache(path.join(cwd, 'node_modules/.cache/claimcheck/annotate.json')) : undefined
  const pipeline = cache ? pipelineHash() : ''
  // Synchronous: an unchanged re-run is mostly stats, and a promise per stat costs more than the stat.
  const statOf = (file: string): [number, number] | undefined => {
    try {
      const info = statSync(file, {throwIfNoEntry: false})
      return info ? [info.size, info.mtimeMs] : undefined
    } catch {
      return undefined
    }
  }
  const results: Array<TaskResult | undefined> = []
  // seeds/a.txt and seeds/a.md would both be written to annotations/a.yaml: the second is refused.
  const owners = new Map<string, string>()
  const collisions = new Map<number, string>()
  const targets = inputs.map((input) => outputPath(input, seeds, out))
  inputs.forEach((input, index) => {
    const target = targets[index]!
    const owner = owners.get(target)
    if (owner === undefined) owners.set(target, posix(input))
    else collisions.set(index, `not annotated: ${posix(input)} and ${owner} would both be written to ${posix(target)}; rename one`)
  })
  const statsBefore: Array<{article: [number, number] | undefined; yaml: [number, number] | undefined}> = []
  // First every article's and annotation's size and time (cheap): what is untouched needs no reading.
  const tasks: Task[] = inputs.map((input, index): Task => {
    const target = targets[index]!
    const task: Task = {
      articlePath: posix(input),
      targetPath: posix(target),
      cwd,
      article: {error: 'not read'},
      existing: undefined,
      keepAnnotation: options.summary,
      check: options.check
    }
    const stats = {article: statOf(input), yaml: statOf(target)}
    statsBefore[index] = stats
    const collision = collisions.get(index)
    if (collision) {
      results[index] = {
        article: [{reason: collision, place: {start: {line: 1, column: 1}}, ruleId: 'output-collision', source: 'annotate', fatal: true, note: undefined}],
        annotation: []
      }
      return task
    }
    const untouched = cache && stats.article && !options.stdout && !options.summary
      ? cache.untouched(task.articlePath, pipeline, stats.article, stats.yaml)
      : undefined
    if (untouched) results[index] = {article: [], annotation: [], untouched: true, counts: untouched.counts}
    return task
  })

  /** Read an article and its annotation; an article the cache vouches for gets its result here. */
  const read = async (index: number): Promise<void> => {
    const task = tasks[index]!
    try {
      task.article = await readFile(inputs[index]!)
    } catch (error) {
      task.article = {error: (error as NodeJS.ErrnoException).code ?? (error as Error).message}
    }
    try {
      task.existing = await readFile(targets[index]!, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') task.existingError = code ?? (error as Error).message
    }
    if (!cache || !(task.article instanceof Uint8Array)) return
    const entry = cache.hit(task.articlePath, sha256(task.article), pipeline, task.existing)
    if (!entry) {
      // Nobody edited the annotation since it was written: its reviews come from the cache, unparsed.
      const written = cache.written(task.articlePath, task.existing)
      if (written) task.previous = written.reviews ? fromReviewState(written.reviews) : {sentences: [], obsolete: []}
      return
    }
    const result: TaskResult = {article: [], annotation: [], yaml: task.existing!, counts: entry.counts, reviews: entry.reviews}
    if (options.summary) {
      const {readAnnotation} = await import('../review/read.ts')
      const annotationRead = readAnnotation(task.existing!)
      if ('annotation' in annotationRead) result.annotationData = annotationRead.annotation
    }
    results[index] = result
  }

  const toRead = tasks.map((_, index) => index).filter((index) => results[index] === undefined)
  const annotated = new Set<number>()
  const progress = createProgress(toRead.length, options.quiet)
  // Each annotation is written as soon as it is ready: a long run that is stopped keeps what it finished.
  let writes: Array<Promise<void>> = []
  const onAnnotated = (index: number): void => {
    const task = tasks[index]!
    const yaml = results[index]?.yaml
    progress.tick()
    if (yaml !== undefined && !options.check && !options.stdout && task.existing !== yaml) {
      writes.push(
        writeAtomic(path.resolve(cwd, task.targetPath), yaml).catch((error: NodeJS.ErrnoException) => {
          // Reported on its article; the others go on.
          const result = results[index]!
          result.article.push({
            reason: `cannot write ${task.targetPath}: ${error.code ?? error.message}`,
            place: {start: {line: 1, column: 1}},
            ruleId: 'unwritable',
            source: 'annotate',
            fatal: true,
            note: undefined
          })
          delete result.yaml
        })
      )
    }
  }

  const files: VFile[] = [...missing]
  const documents: string[] = []
  const annotations: Annotation[] = []
  const diffs: string[] = []
  let stale = 0
  /** Annotations by how they compare with the file on disk (see TaskResult.change). */
  const changes = {new: 0, same: 0, format: 0, content: 0}
  /** Report an article's result, note it in the cache, and let go of its text and annotation. */
  const reportOn = async (index: number): Promise<void> => {
    const task = tasks[index]!
    const result = results[index]!
    const file = new VFile({path: task.articlePath, cwd})
    let ofAnnotation: VFile | undefined
    const annotationFile = (): VFile => {
      if (!ofAnnotation) {
        ofAnnotation = new VFile({path: task.targetPath, cwd})
        files.push(ofAnnotation)
      }
      return ofAnnotation
    }
    if (result.annotation.length > 0) {
      const target = annotationFile()
      for (const message of result.annotation) restore(target, message)
    }
    files.push(file)
    for (const message of result.article) if (!options.quiet || message.fatal) restore(file, message)
    if (result.untouched) {
      changes.same++
      if (result.counts && !options.quiet) summarise(file, result.counts, true)
      return
    }
    if (result.yaml === undefined) return
    if (result.annotationData) annotations.push(result.annotationData)
    const change = result.change ?? (task.existing === undefined ? 'new' : task.existing === result.yaml ? 'same' : 'content')
    changes[change]++
    if (options.check) {
      if (change === 'format') {
        // The same annotation, written as a person writes YAML: it passes.
        annotationFile().info('formatting differs; `npm run annotate` will rewrite it', {
          place: {line: 1, column: 1},
          ruleId: 'formatting',
          source: 'annotate'
        })
      } else if (change === 'new' || change === 'content') {
        stale++
        const {createTwoFilesPatch} = await import('diff')
        const before = result.canonicalExisting ?? task.existing ?? ''
        const label = result.canonicalExisting === undefined ? 'on disk' : 'on disk, as `npm run annotate` writes it'
        diffs.push(createTwoFilesPatch(task.targetPath, task.targetPath, before, result.yaml, label, 'computed now'))
        const message = file.message(
          change === 'new'
            ? `${task.targetPath} is missing: run \`npm run annotate\``
            : `${task.targetPath} differs from what the pipeline computes now${result.annotation.length > 0 ? ' (the fields are listed with it)' : ''}: ` +
                'run `npm run annotate` to rewrite its machine fields',
          {ruleId: 'stale-annotation', source: 'annotate'}
        )
        message.fatal = true
      }
    } else if (options.stdout) documents.push(result.yaml)
    if (result.counts && !options.quiet) summarise(file, result.counts, !annotated.has(index))
    if (cache && task.article instanceof Uint8Array && result.counts && result.reviews !== undefined && (!options.check || task.existing === result.yaml)) {
      const articleStat = statsBefore[index]!.article
      const yamlStat = task.existing === result.yaml ? statsBefore[index]!.yaml : statOf(path.resolve(cwd, task.targetPath))
      if (articleStat && yamlStat) {
        cache.set(task.articlePath, {
          article: sha256(task.article),
          pipeline,
          yaml: sha256(result.yaml),
          counts: result.counts,
          reviews: result.reviews,
          stats: {article: articleStat, yaml: yamlStat}
        })
      }
    }
  }
  const release = (index: number): void => {
    const task = tasks[index]!
    task.article = {error: 'reported'}
    task.existing = undefined
    delete task.previous
    results[index] = {article: [], annotation: []}
  }

  // A batch goes through in slices: the next slice is read while this one is annotated, and a slice
  // is reported and let go of once annotated, so memory stays that of two slices at any batch size.
  const slices: number[][] = []
  for (let from = 0; from < tasks.length; from += sliceSize) slices.push(tasks.slice(from, from + sliceSize).map((_, offset) => from + offset))
  const prepare = async (slice: number[]): Promise<number[]> => {
    const unread = slice.filter((index) => results[index] === undefined)
    await Promise.all(unread.map(read))
    for (const index of unread) if (results[index] !== undefined) progress.tick()
    return slice.filter((index) => results[index] === undefined)
  }
  // Worker threads start with the first slice that has enough to annotate (most of a slice may be
  // recognised by the cache), and then take every slice; until then this process annotates.
  let inProcess: Pool | undefined
  let workers: Pool | undefined
  const annotateSlice = async (todo: number[]): Promise<void> => {
    if (todo.length === 0) return
    for (const index of todo) annotated.add(index)
    if (!workers && (options.jobs === 1 || todo.length < parallelFrom)) {
      inProcess ??= await createPool(1, tasks, results, onAnnotated)
      return inProcess.run(todo)
    }
    workers ??= await createPool(Math.min(options.jobs, toRead.length), tasks, results, onAnnotated)
    return workers.run(todo)
  }
  // Messages are Errors: their stack traces, one per message of every article, point into this
  // program and would cost more than the report.
  const stackTraceLimit = Error.stackTraceLimit
  try {
    // Awaited in turn below; caught here too, so a failure while a slice is reported is not unhandled.
    const started = (todo: number[]): Promise<void> => {
      const promise = annotateSlice(todo)
      promise.catch(() => undefined)
      return promise
    }
    let running = slices.length > 0 ? started(await prepare(slices[0]!)) : Promise.resolve()
    for (const [position, slice] of slices.entries()) {
      const next = position + 1 < slices.length ? prepare(slices[position + 1]!) : undefined
      next?.catch(() => undefined)
      await running
      await Promise.all(writes)
      writes = []
      if (next) running = started(await next)
      Error.stackTraceLimit = 0
      try {
        for (const index of slice) {
          await reportOn(index)
          release(index)
        }
      } finally {
        Error.stackTraceLimit = stackTraceLimit
      }
    }
  } finally {
    await Promise.all([inProcess?.close(), workers?.close()])
  }
  progress.done()
  // Held until the progress line is done: on a terminal, they would be written into it.
  for (const diff of diffs) process.stdout.write(diff)
  Error.stackTraceLimit = 0
  // An annotation whose article is gone (renamed, deleted) would strand its reviews unseen.
  if (options.paths.length === 0) {
    const annotationPaths = new Set(tasks.map((task) => task.targetPath))
    for (const orphan of await annotationFiles(out)) {
      const orphanPath = posix(orphan)
      if (annotationPaths.has(orphanPath)) continue
      const file = new VFile({path: orphanPath, cwd})
      const message = file.message('no article for this annotation (renamed or deleted?): its reviews are only here', {
        place: {line: 1, column: 1},
        ruleId: 'orphan-annotation',
        source: 'annotate'
      })
      if (options.check) message.fatal = true
      files.push(file)
    }
  }
  Error.stackTraceLimit = stackTraceLimit
  if (cache && !options.stdout) await cache.save()

  if (options.stdout && documents.length > 0) process.stdout.write(documents.join('---\n'))
  if (options.summary) {
    let since: SummaryOptions['since']
    if (options.since !== undefined) {
      const {filesAt} = await import('./git.ts')
      const {readAnnotation} = await import('../review/read.ts')
      const targetOf = new Map(tasks.map((task) => [task.articlePath, task.targetPath]))
      const paths = annotations.map((annotation) => targetOf.get(annotation.article.path)!)
      const texts = filesAt(options.since, paths, cwd)
      const before = new Map<string, Annotation | null>()
      annotations.forEach((annotation, index) => {
        const text = texts.get(paths[index]!)
        const read = text === null || text === undefined ? undefined : readAnnotation(text)
        before.set(annotation.article.path, read && 'annotation' in read ? read.annotation : null)
      })
      since = {ref: options.since, before}
    }
    process.stdout.write(summaryMarkdown(annotations, since ? {since} : {}))
  }
  if (options.check && stale === 0 && files.every((file) => !file.messages.some((message) => message.fatal))) {
    const reformat = changes.format > 0 ? ` (${changes.format} written otherwise than \`npm run annotate\` writes it, which is fine)` : ''
    process.stderr.write(`annotate --check: ${tasks.length} annotation${tasks.length === 1 ? '' : 's'} up to date${reformat}\n`)
  }
  // Loaded only when there is something to say (a quiet, clean run has nothing).
  const hasMessages = files.some((file) => file.messages.length > 0)
  const report = hasMessages ? (await import('vfile-reporter')).reporter(files, {silent: options.quiet}) : ''
  if (report) process.stderr.write(report + '\n')
  if (options.github && hasMessages) {
    const {workflowCommands} = await import('./github.ts')
    const commands = workflowCommands(files, process.env['GITHUB_WORKSPACE'] ?? cwd)
    // Standard output may carry YAML or the summary, which the commands must not break into.
    ;(options.stdout || options.summary ? process.stderr : process.stdout).write(commands)
  }
  if (!options.check && !options.stdout && !options.quiet) {
    const written = changes.new + changes.format + changes.content
    const plural = (count: number): string => `${count} annotation${count === 1 ? '' : 's'}`
    process.stderr.write(
      `annotate: ${plural(written)} written` +
        (written > 0 ? ` (${changes.new} new, ${changes.content} changed, ${changes.format} only reformatted)` : '') +
        `, ${changes.same} unchanged\n`
    )
  }
  return files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
}

/** Expand folders to their .txt files (sorted, hidden files skipped); keep file paths as given. */
async function collect(paths: string[], cwd: string, missing: VFile[]): Promise<string[]> {
  const found: string[] = []
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    let info
    try {
      info = await stat(absolute)
    } catch (error) {
      const file = new VFile({path: given, cwd})
      fail(file, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      missing.push(file)
      continue
    }
    if (info.isDirectory()) found.push(...(await walk(absolute)))
    else found.push(absolute)
  }
  return [...new Set(found)]
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(full)))
    else if (entry.isFile() && /\.(?:txt|md|markdown|html?)$/iu.test(entry.name)) files.push(full)
  }
  return files
}

/** Every .yaml file under the annotations folder (none when it does not exist). */
async function annotationFiles(folder: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, {withFileTypes: true})
  } catch {
    return []
  }
  const found: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await annotationFiles(full)))
    else if (entry.isFile() && entry.name.endsWith('.yaml')) found.push(full)
  }
  return found.sort()
}

function outputPath(input: string, seeds: string, out: string): string {
  const relative = relativeTo(seeds, input)
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  const name = inside ? relative : path.basename(input)
  const extension = path.extname(name)
  return path.join(out, (extension ? name.slice(0, -extension.length) : name) + '.yaml')
}

/**
 * `path.relative(from, to)`, by slicing when `to` is inside `from` (both
 * resolved, so neither holds `.` or `..`): an unchanged re-run of a thousand
 * articles needs thousands of these, and `path.relative` resolves both
 * paths again each time.
 */
function relativeTo(from: string, to: string): string {
  const prefix = from.endsWith(path.sep) ? from : from + path.sep
  return to.startsWith(prefix) && to.length > prefix.length ? to.slice(prefix.length) : path.relative(from, to)
}

function fail(file: VFile, reason: string, place?: {line: number; column: number}, ruleId = 'unreadable'): void {
  const message = file.message(reason, {place: place ?? {line: 1, column: 1}, ruleId, source: 'annotate'})
  message.fatal = true
}

function summarise(file: VFile, counts: Annotation['counts'], cached: boolean): void {
  const plural = (count: number, word: string): string =>
    `${count} ${count === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`
  file.info(
    `${plural(counts.sentences, 'sentence')} (${counts.body} body, ${counts.furniture} furniture), ` +
      `${plural(counts.attributions, 'attribution')}, ${plural(counts.anonymous, 'anonymous source')}, ` +
      `${plural(counts.claims, 'claim')}, ${plural(counts.quantities, 'quantity')}, ${plural(counts.hedges, 'hedge')}` +
      (cached ? ' (unchanged since the last run)' : ''),
    {ruleId: 'summary', source: 'annotate'}
  )
}

/** Below this many articles to annotate in a slice, worker threads cost more to start than they save. */
const parallelFrom = 16

/** Articles read, annotated and reported together (see the slices in `main`). */
const sliceSize = 256

/** Annotates tasks: in this process, or on worker threads. */
interface Pool {
  /** Annotate the tasks at `todo`, each result landing at its task's index (`done` told of each); one call at a time. */
  run(todo: number[]): Promise<void>
  close(): Promise<void>
}

/**
 * A pool of `jobs` worker threads, or this process for `jobs` 1. Results land
 * at their task's index, so output and report keep the input's order
 * whatever finishes first.
 */
async function createPool(
  jobs: number,
  tasks: Task[],
  results: Array<TaskResult | undefined>,
  done: (index: number) => void
): Promise<Pool> {
  if (jobs === 1) {
    // Loaded only when there is work: an unchanged re-run never pays for the pipeline.
    const {annotators, prepareFor, runTask} = await import('./task.ts')
    const annotator = annotators()
    let count = 0
    return {
      async run(todo) {
        // If the parsers cannot be loaded, each Markdown or HTML article reports it; the others go on.
        await prepareFor(todo.map((index) => tasks[index]!)).catch(() => undefined)
        for (const index of todo) {
          results[index] = runTask(tasks[index]!, annotator)
          done(index)
          // Let the writes queued so far proceed.
          if (++count % 8 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
      },
      async close() {}
    }
  }
  // Loaded only for a large batch: one thread or an unchanged re-run never needs it.
  const {Worker} = await import('node:worker_threads')
  // Run from TypeScript sources (tests, tsx), a worker first registers the same loader as this thread.
  const fromSource = import.meta.url.endsWith('.ts')
  const workerUrl = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url)
  const spawnWorker = (): InstanceType<typeof Worker> =>
    fromSource
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}) })`,
          {eval: true}
        )
      : new Worker(workerUrl)
  const queue: number[] = []
  let batch: {left: number; resolve: () => void; reject: (error: Error) => void} | undefined
  let failure: Error | undefined
  const workers = Array.from({length: jobs}, () => {
    const worker = spawnWorker()
    let inFlight = 0
    // Two tasks in flight per worker, so it never waits for the next one.
    const feed = (): void => {
      while (inFlight < 2) {
        const index = queue.shift()
        if (index === undefined) return
        inFlight++
        worker.postMessage({index, task: tasks[index]})
      }
    }
    worker.on('message', (message: {index: number; result: TaskResult}) => {
      inFlight--
      results[message.index] = message.result
      done(message.index)
      if (batch && --batch.left === 0) {
        const finished = batch
        batch = undefined
        finished.resolve()
      }
      feed()
    })
    worker.on('error', (error) => {
      failure ??= error
      batch?.reject(error)
      batch = undefined
    })
    return {worker, feed}
  })
  return {
    run(todo) {
      if (failure) return Promise.reject(failure)
      if (todo.length === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        batch = {left: todo.length, resolve, reject}
        queue.push(...todo)
        for (const worker of workers) worker.feed()
      })
    },
    async close() {
      await Promise.all(workers.map(({worker}) => worker.terminate()))
    }
  }
}

interface Progress {
  tick(): void
  done(): void
}

/** "annotating 120/1000 (85 articles/s)" on a terminal, rewritten in place; nothing otherwise. */
function createProgress(total: number, quiet: boolean): Progress {
  const stream = process.stderr
  if (quiet || !stream.isTTY || total < parallelFrom) return {tick() {}, done() {}}
  const started = performance.now()
  let count = 0
  let shown = 0
  const show = (): void => {
    const seconds = (performance.now() - started) / 1000
    const rate = seconds > 0 ? Math.round(count / seconds) : 0
    stream.write(`\rannotating ${count}/${total} (${rate} articles/s)`)
  }
  return {
    tick() {
      count++
      const now = performance.now()
      if (now - shown > 100 || count === total) {
        shown = now
        show()
      }
    },
    done() {
      if (count > 0) stream.write('\n')
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/annotate.ts')) {
  // A closed pipe (`… --stdout | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  process.exitCode = await main(process.argv.slice(2))
}
