import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {writeAtomic} from '../cli/write.ts'
import {projectRoot} from '../project.ts'
import {defaultAttributionTraining, missingAttributionData, trainAttribution} from './attribution.ts'
import {defaultClaimTraining, missingClaimData, trainClaims} from './claims.ts'

const defaultData = path.resolve(projectRoot, '../shared/eval')
const defaultOut = path.join(projectRoot, 'pipeline/claims/data/model.json')
const defaultAttributionOut = path.join(projectRoot, 'pipeline/attribution-model/data/model.json')

const help = `Usage: npm run train -- claims [options]
       npm run train -- attribution [options]

Train a model and write it beside its plugin, which \`npm run annotate\` then
uses. Only training splits are trained on, under ../shared/eval beside the
project (or --data); never a test split. The same data gives the same file,
byte for byte; its header records the data (rows, SHA-256, terms of use),
the command and the measured figures.

claims: the check-worthiness model (pipeline/claims/data/model.json), from
ClaimBuster's claims/claimbuster-train.json and the CLEF2019 CheckThat!
training debates claims/clef2019-train/*.tsv. C is chosen by
cross-validation (each CLEF debate whole in one fold), the threshold by
Youden's J on the out-of-fold scores.

attribution: the attribution tagger (pipeline/attribution-model/data/model.json),
a CRF trained on PolNeAR's attribution/polnear-train.jsonl. C and the
decoding thresholds are chosen on attribution/polnear-dev.jsonl, which is
never trained on; without it the first C is taken and nothing is measured.

Options:
  --data DIR           folder holding claims/ and attribution/ (default: ../shared/eval)
  --reviews DIR        also train on the reviews in this folder of annotation
                       YAML (repeatable). claims: a body sentence with a verdict
                       (verified, disputed, false, misleading, unverifiable) is
                       check-worthy, one marked not-a-claim is not. attribution:
                       in a sentence with rejected or added attributions, the
                       tool's attributions not rejected and the added ones are
                       right, and nothing else is
  --reviews-only       train on the reviews alone, no third-party data
  --review-weight W    what one reviewed sentence weighs against a ClaimBuster
                       sentence or a PolNeAR one (default ${defaultClaimTraining.reviewWeight})
  --c LIST             candidates for C, comma-separated (claims default
                       ${defaultClaimTraining.cValues.join(',')}; attribution default ${defaultAttributionTraining.cValues.join(',')})
  --min-count N        claims: an n-gram must be in N training sentences (default
                       ${defaultClaimTraining.minCount}); attribution: a word or suffix must occur N
                       times (default ${defaultAttributionTraining.minCount})
  --out FILE           where to write the model (default: beside its plugin)
  --quiet              no progress on stderr
  -h, --help           show this help

claims only:
  --clef-weight W      what one CLEF debate line weighs against a ClaimBuster
                       sentence (default ${defaultClaimTraining.clefWeight})
  --folds K            cross-validation folds (default ${defaultClaimTraining.folds})
  --prune N            keep the N word and letter n-grams of largest weight,
                       0 keeps all (default ${defaultClaimTraining.prune})

attribution only:
  --missed-weight LIST candidates for what a training sentence with a cue the
                       rules miss weighs, comma-separated: the dial between
                       recall and precision (default ${defaultAttributionTraining.missedWeights.join(',')})
  --epochs N           passes of stochastic gradient descent per C (default ${defaultAttributionTraining.epochs})
  --rate R             its first step size (default ${defaultAttributionTraining.rate})
  --min-weight W       leave out features whose weights are all below W in
                       absolute value (default ${defaultAttributionTraining.prune})
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
        c: {type: 'string'},
        folds: {type: 'string', default: String(defaultClaimTraining.folds)},
        prune: {type: 'string', default: String(defaultClaimTraining.prune)},
        'min-count': {type: 'string'},
        epochs: {type: 'string', default: String(defaultAttributionTraining.epochs)},
        'missed-weight': {type: 'string', default: defaultAttributionTraining.missedWeights.join(',')},
        rate: {type: 'string', default: String(defaultAttributionTraining.rate)},
        'min-weight': {type: 'string', default: String(defaultAttributionTraining.prune)},
        out: {type: 'string'},
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
  if ((task !== 'claims' && task !== 'attribution') || rest.length > 0) {
    process.stderr.write(
      `train: ${task === undefined ? 'name what to train' : `cannot train ${JSON.stringify([task, ...rest].join(' '))}`}: \`npm run train -- claims\` or \`npm run train -- attribution\`\nTry \`npm run train -- --help\`.\n`
    )
    return 2
  }
  if (task === 'attribution') return trainAttributionCommand(values, argv)
  const number = (name: string, text: string, least: number): number => {
    const value = Number(text)
    if (!Number.isFinite(value) || value < least) throw new RangeError(`--${name} must be a number of at least ${least}, not ${JSON.stringify(text)}`)
    return value
  }
  let settings
  try {
    const cValues = (values.c ?? defaultClaimTraining.cValues.join(',')).split(',').map((text) => number('c', text.trim(), Number.MIN_VALUE))
    const folds = number('folds', values.folds, 2)
    const prune = number('prune', values.prune, 0)
    const minCount = number('min-count', values['min-count'] ?? String(defaultClaimTraining.minCount), 1)
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
  const out = path.resolve(values.out ?? defaultOut)
  await writeAtomic(out, trained.text)
  for (const line of trained.report) process.stdout.write(`train claims: ${line}\n`)
  process.stdout.write(
    `train claims: wrote ${path.relative(process.cwd(), out) || out} (${Object.keys(trained.model.words).length} words, ` +
      `${Object.keys(trained.model.chars).length} letter n-grams, ${Object.keys(trained.model.reasons).length} named features) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  return 0
}

interface TrainValues {
  data: string
  reviews: string[]
  'reviews-only': boolean
  'review-weight': string
  c?: string | undefined
  'min-count'?: string | undefined
  epochs: string
  'missed-weight': string
  rate: string
  'min-weight': string
  out?: string | undefined
  quiet: boolean
}

async function trainAttributionCommand(values: TrainValues, argv: string[]): Promise<number> {
  let settings
  try {
    const cValues = (values.c ?? defaultAttributionTraining.cValues.join(',')).split(',').map((text) => positive('c', text.trim(), Number.MIN_VALUE))
    const minCount = positive('min-count', values['min-count'] ?? String(defaultAttributionTraining.minCount), 1)
    const epochs = positive('epochs', values.epochs, 1)
    if (!Number.isInteger(minCount) || !Number.isInteger(epochs)) throw new RangeError('--min-count and --epochs must be whole numbers')
    settings = {
      reviewWeight: positive('review-weight', values['review-weight'], Number.MIN_VALUE),
      cValues,
      missedWeights: values['missed-weight'].split(',').map((text) => positive('missed-weight', text.trim(), Number.MIN_VALUE)),
      minCount,
      epochs,
      rate: positive('rate', values.rate, Number.MIN_VALUE),
      prune: positive('min-weight', values['min-weight'], 0)
    }
  } catch (error) {
    process.stderr.write(`train: ${(error as Error).message}\n`)
    return 2
  }
  const reviews = values.reviews.map((folder) => path.resolve(folder))
  const data = path.resolve(values.data)
  const missing = missingAttributionData({data, reviews, reviewsOnly: values['reviews-only']})
  if (missing.length > 0) {
    process.stderr.write(
      `train attribution: missing training data:\n${missing.map((line) => `  ${line}\n`).join('')}` +
        `Put PolNeAR's training split there (see ../shared/README.md), name its folder with --data DIR, ` +
        `or train on your desk's reviews alone: --reviews-only --reviews annotations/\n`
    )
    return 1
  }
  const started = Date.now()
  const progress = values.quiet ? undefined : (message: string) => process.stderr.write(`train attribution: ${message}\n`)
  let trained
  try {
    trained = await trainAttribution({
      data,
      reviews,
      reviewsOnly: values['reviews-only'],
      ...settings,
      command: ['npm run train --', ...modelArguments(argv)].join(' '),
      root: projectRoot,
      ...(progress ? {progress} : {})
    })
  } catch (error) {
    process.stderr.write(`train attribution: ${(error as Error).message}\n`)
    return 1
  }
  const out = path.resolve(values.out ?? defaultAttributionOut)
  await writeAtomic(out, trained.text)
  for (const line of trained.report) process.stdout.write(`train attribution: ${line}\n`)
  process.stdout.write(
    `train attribution: wrote ${path.relative(process.cwd(), out) || out} (${Object.keys(trained.model.features).length} features, ${(Buffer.byteLength(trained.text) / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  return 0
}

function positive(name: string, text: string, least: number): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < least) throw new RangeError(`--${name} must be a number of at least ${least}, not ${JSON.stringify(text)}`)
  return value
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
