import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {writeAtomic} from '../cli/write.ts'
import {projectRoot} from '../project.ts'
import {defaultClaimTraining, missingClaimData, trainClaims} from './claims.ts'

const defaultData = path.resolve(projectRoot, '../shared/eval')
const defaultOut = path.join(projectRoot, 'pipeline/claims/data/model.json')

const help = `Usage: npm run train -- claims [options]

Train the check-worthiness model and write it beside the claims plugin
(pipeline/claims/data/model.json), which \`npm run annotate\` then scores with.
Only training splits are read: ClaimBuster's claims/claimbuster-train.json and
the CLEF2019 CheckThat! training debates claims/clef2019-train/*.tsv, under
../shared/eval beside the project (or --data). Never a test or dev split.

The same data gives the same file, byte for byte. C is chosen by
cross-validation (each CLEF debate whole in one fold), the threshold by
Youden's J on the out-of-fold scores; the file's header records the data
(rows, SHA-256, terms of use), the command and the cross-validated figures.

Options:
  --data DIR           folder holding claims/ (default: ../shared/eval)
  --reviews DIR        also train on the reviews in this folder of annotation
                       YAML (repeatable): a body sentence with a verdict
                       (verified, disputed, false, misleading, unverifiable) is
                       check-worthy, one marked not-a-claim is not
  --reviews-only       train on the reviews alone, no third-party data
  --review-weight W    what one reviewed sentence weighs against a ClaimBuster
                       one (default ${defaultClaimTraining.reviewWeight})
  --clef-weight W      what one CLEF debate line weighs against a ClaimBuster
                       sentence (default ${defaultClaimTraining.clefWeight})
  --c LIST             candidates for C, comma-separated (default ${defaultClaimTraining.cValues.join(',')})
  --folds K            cross-validation folds (default ${defaultClaimTraining.folds})
  --prune N            keep the N word and letter n-grams of largest weight,
                       0 keeps all (default ${defaultClaimTraining.prune})
  --min-count N        an n-gram must be in N training sentences (default ${defaultClaimTraining.minCount})
  --out FILE           where to write the model (default: pipeline/claims/data/model.json)
  --quiet              no progress on stderr
  -h, --help           show this help

Only \`claims\` can be trained so far.
`

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: {type: 'string', default: defaultData},
        reviews: {type: 'string', multiple: true, default: []},
        'reviews-only': {type: 'boolean', default: false},
        'review-weight': {type: 'string', default: String(defaultClaimTraining.reviewWeight)},
        'clef-weight': {type: 'string', default: String(defaultClaimTraining.clefWeight)},
        c: {type: 'string', default: defaultClaimTraining.cValues.join(',')},
        folds: {type: 'string', default: String(defaultClaimTraining.folds)},
        prune: {type: 'string', default: String(defaultClaimTraining.prune)},
        'min-count': {type: 'string', default: String(defaultClaimTraining.minCount)},
        out: {type: 'string', default: defaultOut},
        quiet: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
  } catch (error) {
    process.stderr.write(`train: ${(error as Error).message}\nTry \`npm run train -- --help\`.\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  const [task, ...rest] = positionals
  if (task !== 'claims' || rest.length > 0) {
    process.stderr.write(`train: ${task === undefined ? 'name what to train' : `cannot train ${JSON.stringify([task, ...rest].join(' '))}`}: \`npm run train -- claims\`\nTry \`npm run train -- --help\`.\n`)
    return 2
  }
  const number = (name: string, text: string, least: number): number => {
    const value = Number(text)
    if (!Number.isFinite(value) || value < least) throw new RangeError(`--${name} must be a number of at least ${least}, not ${JSON.stringify(text)}`)
    return value
  }
  let settings
  try {
    const cValues = values.c.split(',').map((text) => number('c', text.trim(), Number.MIN_VALUE))
    const folds = number('folds', values.folds, 2)
    const prune = number('prune', values.prune, 0)
    const minCount = number('min-count', values['min-count'], 1)
    if (![folds, prune, minCount].every(Number.isInteger)) throw new RangeError('--folds, --prune and --min-count must be whole numbers')
    settings = {
      reviewWeight: number('review-weight', values['review-weight'], Number.MIN_VALUE),
      clefWeight: number('clef-weight', values['clef-weight'], Number.MIN_VALUE),
      cValues,
      folds,
      prune,
      minCount
    }
  } catch (error) {
    process.stderr.write(`train: ${(error as Error).message}\n`)
    return 2
  }
  const reviews = values.reviews.map((folder) => path.resolve(folder))
  const data = path.resolve(values.data)
  const missing = missingClaimData({data, reviews, reviewsOnly: values['reviews-only']})
  if (missing.length > 0) {
    process.stderr.write(
      `train claims: missing training data:\n${missing.map((line) => `  ${line}\n`).join('')}` +
        `Put ClaimBuster and the CLEF2019 CheckThat! training debates there (see ../shared/README.md), ` +
        `name their folder with --data DIR, or train on your desk's reviews alone: --reviews-only --reviews annotations/\n`
    )
    return 1
  }
  const started = Date.now()
  const progress = values.quiet ? undefined : (message: string) => process.stderr.write(`train claims: ${message}\n`)
  let trained
  try {
    trained = await trainClaims({
      data,
      reviews,
      reviewsOnly: values['reviews-only'],
      ...settings,
      command: ['npm run train --', ...modelArguments(argv)].join(' '),
      root: projectRoot,
      ...(progress ? {progress} : {})
    })
  } catch (error) {
    process.stderr.write(`train claims: ${(error as Error).message}\n`)
    return 1
  }
  const out = path.resolve(values.out)
  await writeAtomic(out, trained.text)
  for (const line of trained.report) process.stdout.write(`train claims: ${line}\n`)
  process.stdout.write(
    `train claims: wrote ${path.relative(process.cwd(), out) || out} (${Object.keys(trained.model.words).length} words, ` +
      `${Object.keys(trained.model.chars).length} letter n-grams, ${Object.keys(trained.model.reasons).length} named features) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  return 0
}

/** The arguments that shape the model: not where it is written, nor whether progress shows. */
function modelArguments(argv: string[]): string[] {
  const kept: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    if (argument === '--quiet') continue
    if (argument === '--out') {
      index++
      continue
    }
    if (argument.startsWith('--out=')) continue
    kept.push(argument)
  }
  return kept
}

if (process.argv[1]?.endsWith('train/cli.ts')) {
  process.exitCode = await main(process.argv.slice(2))
}
