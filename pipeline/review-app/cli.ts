import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {writeAtomic} from '../cli/write.ts'
import {clientScript} from './client.ts'
import {Folders} from './files.ts'
import {articlePage, indexPage} from './pages.ts'
import {indexEntries, reviewServer} from './server.ts'
import {stylesheet} from './style.ts'

export const defaultPort = 4477

export const help = `Usage: npm run review -- [options]

Review annotations in the browser. Starts a local app on 127.0.0.1 and
prints its address: an index of the articles with what is left to do in each
(body sentences, claims scoring 0.5 or more, unreviewed, to recheck,
obsolete reviews, anonymous sources without basis) and filters; a page per
article with its text as it reads, sentences marked by claim score,
attributions by role (source, cue, content), sources by type, anonymous
sources flagged, quantities and hedges marked, furniture dimmed, and beside
each body sentence its review form: status, note, evidence, attributions to
reject, missed attributions to add (select their text in the sentence).
Keys: j/k next/previous claim, 0-6 a status, s save.

A save writes the annotation file the way \`npm run annotate\` does (the file
checked, the article annotated again, the reviews merged, the canonical
YAML written atomically), so \`npm run annotate -- --check\` passes after it.
If the file changed since the page was loaded, the save merges by sentence
and field; where the file and the page changed the same field, it is
refused and the page shows both values. An empty reviewer and date are
filled from \`git config user.name\` and today.

The app answers only requests to its own address and port, takes saves only
from its own pages, and reads and writes only files under the annotations
and seeds folders.

Options:
  --port N           port on 127.0.0.1 (default ${defaultPort}; 0: any free one)
  --annotations DIR  folder of annotations (default: annotations)
  --seeds DIR        folder of articles (default: seeds)
  --static DIR       write the pages without forms to DIR instead (index.html,
                     articles/<path>.html, app.css, app.js), for a pull
                     request's artifact or preview, and exit
  -h, --help         show this help and exit

Exit status: 0 on success (the app runs until stopped), 1 when the port is
taken or a page cannot be written, 2 when the options are wrong.
`

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: {type: 'string'},
        annotations: {type: 'string', default: 'annotations'},
        seeds: {type: 'string', default: 'seeds'},
        static: {type: 'string'},
        help: {type: 'boolean', short: 'h', default: false}
      }
    }).values
  } catch (error) {
    process.stderr.write(`review: ${(error as Error).message}\nTry \`npm run review -- --help\`.\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  const port = values.port === undefined ? defaultPort : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`review: --port takes a whole number from 0 to 65535, not ${values.port}\n`)
    return 2
  }
  const folders = new Folders(cwd, values.annotations, values.seeds)
  if (values.static !== undefined) return writeStatic(folders, path.resolve(cwd, values.static))

  const server = reviewServer(folders)
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        error.code === 'EADDRINUSE'
          ? `review: port ${port} on 127.0.0.1 is taken (another review app?); choose another with --port N\n`
          : `review: cannot listen on 127.0.0.1:${port}: ${error.message}\n`
      )
      resolve(false)
    })
    server.listen(port, '127.0.0.1', () => resolve(true))
  })
  if (!listening) return 1
  const address = server.address()
  const actual = address && typeof address === 'object' ? address.port : port
  process.stdout.write(`review: http://127.0.0.1:${actual}/ (annotations in ${path.relative(cwd, folders.annotations) || '.'}; Ctrl+C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve())
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

/** The pages without forms: an index and one page per article, with their stylesheet and script. */
async function writeStatic(folders: Folders, out: string): Promise<number> {
  const pageOf = (annotation: string): string => `articles/${annotation.replace(/\.yaml$/u, '')}.html`
  const entries = await indexEntries(folders, pageOf)
  await mkdir(out, {recursive: true})
  await writeAtomic(path.join(out, 'app.css'), stylesheet)
  await writeAtomic(path.join(out, 'app.js'), clientScript())
  await writeAtomic(path.join(out, 'index.html'), indexPage(entries, {interactive: false, assets: ''}))
  let written = 0
  for (const entry of entries) {
    if (!entry.annotation) {
      process.stderr.write(`review: ${entry.path}: ${entry.problem}; no page written\n`)
      continue
    }
    const target = pageOf(entry.path)
    const up = '../'.repeat(target.split('/').length - 1)
    await writeAtomic(path.join(out, target), articlePage(entry.path, entry.annotation, {interactive: false, assets: up, index: `${up}index.html`}))
    written++
  }
  process.stdout.write(`review: wrote ${path.join(path.relative(process.cwd(), out) || '.', 'index.html')} and ${written} article page${written === 1 ? '' : 's'}\n`)
  return entries.every((entry) => entry.annotation) ? 0 : 1
}
