import {readFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import type {Annotation} from '../annotation/model.ts'
import {Folders} from '../review-app/files.ts'
import {readAnnotation} from '../review/read.ts'
import {claimReviews, readConfig} from './claimreview.ts'

export const help = `Usage: npm run export -- claimreview [--annotations DIR]

Prints, as one JSON array, schema.org ClaimReview JSON-LD for every body
sentence with a verdict (verified, disputed, false, misleading,
unverifiable): claimReviewed (the attributed content when the sentence
attributes one, else the sentence), itemReviewed (a Claim, with its author
when there is a source, and where it appeared), reviewRating (alternateName
the verdict; ratingValue on a scale of 1 to 5: false 1, misleading 2,
disputed 3, verified 5; unverifiable by name only), author (the desk),
datePublished (the review's date) and url.

The desk comes from the "claimcheck" settings in package.json:
  "claimcheck": {
    "organisation": {"name": "…", "url": "https://…"},
    "reviewUrl": "https://…/{article}#{sentence}",
    "articleUrl": "https://…/{article}"          (optional)
  }
({article}: the article's path without its extension; {sentence}: the id.)

Exit status: 0 on success, 1 when the settings or an annotation are wrong,
2 when the options are.
`

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: argv, allowPositionals: true, options: {annotations: {type: 'string', default: 'annotations'}, help: {type: 'boolean', short: 'h', default: false}}})
  } catch (error) {
    process.stderr.write(`export: ${(error as Error).message}\nTry \`npm run export -- --help\`.\n`)
    return 2
  }
  if (parsed.values.help) {
    process.stdout.write(help)
    return 0
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'claimreview') {
    process.stderr.write('export: say what to export: `npm run export -- claimreview`\n')
    return 2
  }
  let settings: unknown
  try {
    settings = JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8'))
  } catch (error) {
    process.stderr.write(`export: cannot read package.json: ${(error as Error).message}\n`)
    return 1
  }
  const config = readConfig(settings)
  if ('problems' in config) {
    process.stderr.write(`export: set these in package.json first:\n${config.problems.map((problem) => `  ${problem}\n`).join('')}`)
    return 1
  }
  const folders = new Folders(cwd, parsed.values.annotations, 'seeds')
  const annotations: Annotation[] = []
  let failed = false
  for (const file of await folders.annotationList()) {
    const read = readAnnotation(await folders.readAnnotationText(file))
    if ('annotation' in read) annotations.push(read.annotation)
    else {
      failed = true
      const first = read.problems[0]!
      process.stderr.write(`export: ${path.join(parsed.values.annotations, file)}:${first.line}:${first.column}: ${first.message}\n`)
    }
  }
  process.stdout.write(JSON.stringify(claimReviews(annotations, config.config), null, 2) + '\n')
  return failed ? 1 : 0
}
