import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {createTwoFilesPatch} from 'diff'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Annotation} from '../annotation/model.ts'
import {createAnnotator} from '../processor.ts'
import {readAnnotation} from '../review/read.ts'
import {summaryMarkdown} from './summary.ts'
import {bytePlace, decodeArticle} from './read.ts'
import {writeAtomic} from './write.ts'

export const help = `Usage: npm run annotate -- [options] [PATH...]

Annotate plain-text news articles for fact-checking: sentences, attributions
(source, cue, content), anonymous sources, dateline and page furniture.

With no PATH, every .txt file under the seeds folder is annotated. A folder
PATH means every .txt file below it; a file PATH is annotated whatever its
extension. An article at <seeds>/a/b.txt is written to <out>/a/b.yaml; an
article outside the seeds folder to <out>/<its name>.yaml. Files are written
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
  --summary      print a Markdown summary (claims by review status, anonymous
                 sources, reviews to recheck, obsolete reviews, per article)
  --stdout       print the YAML to standard output instead of writing files
                 (several articles: one YAML document each, separated by ---)
  --seeds DIR    folder of articles (default: seeds)
  --out DIR      folder for annotations (default: annotations)
  --quiet        report errors only, not the per-article summary
  -h, --help     show this help and exit

A report per article goes to standard error: sentences, attributions and
anonymous sources, and every article that could not be annotated (unreadable,
empty, binary or not UTF-8) with its path and place. The other articles are
still annotated.

Exit status: 0 when every article was annotated (with --check: every
annotation is up to date), 1 otherwise, 2 when the options are wrong.
`

interface Options {
  paths: string[]
  check: boolean
  summary: boolean
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
        summary: {type: 'boolean', default: false},
        stdout: {type: 'boolean', default: false},
        seeds: {type: 'string', default: 'seeds'},
        out: {type: 'string', default: 'annotations'},
        quiet: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
    if (values.help) {
      process.stdout.write(help)
      return 0
    }
    options = {
      paths: positionals,
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
    process.stderr.write(`annotate: no .txt articles found in ${options.paths.length > 0 ? options.paths.join(', ') : options.seeds}\n`)
    return 1
  }

  const annotator = createAnnotator()
  const files: VFile[] = [...missing]
  const documents: string[] = []
  const annotations: Annotation[] = []
  let stale = 0
  for (const input of inputs) {
    const relativeInput = path.relative(cwd, input)
    const file = new VFile({path: relativeInput, cwd})
    files.push(file)
    let bytes: Uint8Array
    try {
      bytes = await readFile(input)
    } catch (error) {
      fail(file, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      continue
    }
    const decoded = decodeArticle(bytes)
    if ('problem' in decoded) {
      const place = decoded.problem.byte === undefined ? undefined : bytePlace(bytes, decoded.problem.byte)
      fail(file, decoded.problem.reason, place)
      continue
    }
    file.value = decoded.text
    const target = outputPath(input, seeds, path.resolve(cwd, options.out))
    const targetPath = path.relative(cwd, target).split(path.sep).join('/')
    file.data.annotationPath = targetPath

    // The annotation on disk holds the reviews: it must be valid before anything is written over it.
    let existing: string | undefined
    try {
      existing = await readFile(target, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        fail(file, `cannot read ${targetPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
        continue
      }
    }
    if (existing !== undefined) {
      const read = readAnnotation(existing)
      if ('problems' in read) {
        const annotationFile = new VFile({path: targetPath, cwd})
        files.push(annotationFile)
        for (const problem of read.problems) {
          const message = annotationFile.message(problem.message, {
            place: {line: problem.line, column: problem.column},
            ruleId: 'invalid-annotation',
            source: 'annotate'
          })
          message.fatal = true
        }
        fail(
          file,
          `not annotated: ${targetPath} has ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}; it was left as it is`,
          undefined,
          'invalid-annotation'
        )
        continue
      }
      file.data.previousAnnotation = read.annotation
    }

    try {
      const result = await annotator.process(file)
      const yaml = String(result.value)
      if (file.data.annotation) annotations.push(file.data.annotation)
      if (options.check) {
        if (existing !== yaml) {
          stale++
          process.stdout.write(createTwoFilesPatch(targetPath, targetPath, existing ?? '', yaml, 'on disk', 'expected'))
          const message = file.message(
            existing === undefined ? `${targetPath} is missing` : `${targetPath} is out of date: run \`npm run annotate\``,
            {ruleId: 'stale-annotation', source: 'annotate'}
          )
          message.fatal = true
        }
      } else if (options.stdout) documents.push(yaml)
      else await writeAtomic(target, yaml)
      summarise(file)
    } catch (error) {
      fail(file, `could not annotate: ${(error as Error).message}`)
    }
  }

  if (options.stdout && documents.length > 0) process.stdout.write(documents.join('---\n'))
  if (options.summary) process.stdout.write(summaryMarkdown(annotations))
  if (options.check && stale === 0 && files.every((file) => !file.messages.some((message) => message.fatal))) {
    process.stderr.write(`annotate --check: ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} up to date\n`)
  }
  const report = reporter(files, {silent: options.quiet})
  if (report) process.stderr.write(report + '\n')
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
    else if (entry.isFile() && entry.name.endsWith('.txt')) files.push(full)
  }
  return files
}

function outputPath(input: string, seeds: string, out: string): string {
  const relative = path.relative(seeds, input)
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  const name = inside ? relative : path.basename(input)
  const extension = path.extname(name)
  return path.join(out, (extension ? name.slice(0, -extension.length) : name) + '.yaml')
}

function fail(file: VFile, reason: string, place?: {line: number; column: number}, ruleId = 'unreadable'): void {
  const message = file.message(reason, {place: place ?? {line: 1, column: 1}, ruleId, source: 'annotate'})
  message.fatal = true
}

function summarise(file: VFile): void {
  const counts = file.data.annotation?.counts
  if (!counts) return
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`
  file.info(
    `${plural(counts.sentences, 'sentence')} (${counts.body} body, ${counts.furniture} furniture), ` +
      `${plural(counts.attributions, 'attribution')}, ${plural(counts.anonymous, 'anonymous source')}`,
    {ruleId: 'summary', source: 'annotate'}
  )
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/annotate.ts')) {
  // A closed pipe (`… --stdout | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  process.exitCode = await main(process.argv.slice(2))
}
