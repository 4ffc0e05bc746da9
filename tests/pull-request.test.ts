import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {load, CORE_SCHEMA} from 'js-yaml'
import {parse} from 'yaml'
import {text as reviewText} from '../pipeline/annotation/emit.ts'
import {workflowCommands} from '../pipeline/cli/github.ts'
import {defaultJobs} from '../pipeline/cli/jobs.ts'
import {readAnnotation} from '../pipeline/review/read.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/cli/annotate.ts')
const seed = path.join(root, 'seeds/us-china-trade-talks.txt')

let work: string

function run(args: string[], env: Record<string, string> = {}): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [tsx, cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_WORKSPACE: '', ...env}
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

function git(...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', '-c', 'init.defaultBranch=main', ...args], {cwd: work, encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

const file = (): string => path.join(work, 'annotations/trade.yaml')
const emptyReview = '    review:\n      status: unreviewed\n      reviewer: ""\n      date: ""\n      note: ""\n      evidence: []\n'

/** Replace the empty review block of the `nth` body sentence (0-based) with `block`. */
function review(nth: number, block: string): void {
  const text = readFileSync(file(), 'utf8')
  let at = -1
  for (let index = 0; index <= nth; index++) at = text.indexOf(emptyReview, at + 1)
  if (at === -1) throw new Error(`no empty review block number ${nth}`)
  writeFileSync(file(), text.slice(0, at) + block + text.slice(at + emptyReview.length))
}

/** The ids of the body sentences, in order. */
function bodyIds(): string[] {
  const read = readAnnotation(readFileSync(file(), 'utf8'))
  if (!('annotation' in read)) throw new Error(JSON.stringify(read.problems))
  return read.annotation.sentences.filter((sentence) => sentence.kind === 'body').map((sentence) => sentence.id)
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'annotate-pr-'))
  mkdirSync(path.join(work, 'seeds'))
  cpSync(seed, path.join(work, 'seeds/trade.txt'))
})

afterEach(() => {
  rmSync(work, {recursive: true, force: true})
})

describe('reviews in pull requests', () => {
  it('passes --check on a review typed plainly, with CRLF line ends, and names a hand-edited machine field', () => {
    expect(run(['--quiet']).status).toBe(0)
    review(0, '    review:\n      status: verified\n      reviewer: Jane Roe\n      date: 2026-12-01\n      note: checked with the agency\n      evidence: []\n')
    writeFileSync(file(), readFileSync(file(), 'utf8').replace(/\n/gu, '\r\n'))
    const passed = run(['--check'])
    expect(passed.status, passed.stderr).toBe(0)
    expect(passed.stderr).toContain('formatting differs; `npm run annotate` will rewrite it')
    expect(passed.stdout).toBe('')

    const text = readFileSync(file(), 'utf8')
    // The first body sentence's score (headings and furniture score 0, written on one line).
    const score = /(?<=\r\n {6})score: ([\d.]+)/u.exec(text)!
    writeFileSync(file(), text.replace(score[0], 'score: 0.111'))
    const failed = run(['--check'], {GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work})
    expect(failed.status).toBe(1)
    const line = text.slice(0, score.index).split('\n').length
    const message = `${bodyIds()[0]} claim.score: 0.111 in the file, ${score[1]} computed`
    expect(failed.stderr).toContain(message)
    // Also as a workflow command, so GitHub shows it on the pull request's line.
    expect(failed.stdout).toContain(`::error file=annotations/trade.yaml,line=${line},col=14,title=annotate%3A machine-field::${message}`)

    // annotate rewrites the field and the canonical form (LF, quoted), keeping the review; a review
    // typed plainly on its own is only reformatted.
    const rewritten = run([])
    expect(rewritten.status).toBe(0)
    expect(rewritten.stderr).toContain('annotate: 1 annotation written (0 new, 1 changed, 0 only reformatted), 0 unchanged')
    expect(readFileSync(file(), 'utf8')).toContain('      note: "checked with the agency"\n')
    review(1, '    review:\n      status: disputed\n')
    expect(run([]).stderr).toContain('annotate: 1 annotation written (0 new, 0 changed, 1 only reformatted), 0 unchanged')
    expect(run(['--check']).stderr).toContain('annotate --check: 1 annotation up to date\n')
  })

  it('merges two branches that review adjacent sentences of one article without a conflict', () => {
    expect(run(['--quiet']).status).toBe(0)
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'annotations')
    const [first, second] = bodyIds()

    git('checkout', '-qb', 'ann')
    review(0, '    review:\n      status: verified\n      reviewer: Ann\n      note: |\n        Checked with the agency.\n        Two sources.\n      evidence: [https://a.example.org]\n')
    git('commit', '-qam', 'Ann reviews the first sentence')
    git('checkout', '-q', 'main')
    git('checkout', '-qb', 'bob')
    review(1, '    review:\n      status: disputed\n      reviewer: Bob\n      date: 2026-12-02\n      note: officials deny it\n      evidence:\n        - https://b.example.org\n')
    git('commit', '-qam', 'Bob reviews the second sentence')
    git('checkout', '-q', 'main')
    git('merge', '-q', 'ann')
    git('merge', '-q', '--no-edit', 'bob')

    const check = run(['--check'])
    expect(check.status, check.stderr).toBe(0)
    const read = readAnnotation(readFileSync(file(), 'utf8'))
    if (!('annotation' in read)) throw new Error(JSON.stringify(read.problems))
    const reviews = new Map(read.annotation.sentences.map((sentence) => [sentence.id, sentence.review]))
    expect(reviews.get(first!)).toMatchObject({status: 'verified', reviewer: 'Ann', note: 'Checked with the agency.\nTwo sources.\n'})
    expect(reviews.get(second!)).toMatchObject({status: 'disputed', reviewer: 'Bob', evidence: ['https://b.example.org']})

    // What the two branches changed, for the pull request's summary.
    const summary = run(['--summary', '--since', 'main~2', '--quiet'])
    expect(summary.status, summary.stderr).toBe(0)
    expect(summary.stdout).toContain('### Changes since `main~2`')
    expect(summary.stdout).toContain(`- \`${first}\` unreviewed → verified (Ann): “China is counting on promises`)
    expect(summary.stdout).toMatch(new RegExp(`- \`${second}\` unreviewed → disputed \\(Bob, 2026-12-02\\): “During this week’s negotiations.*” Note: officials deny it`, 'u'))
    expect(summary.stdout).toContain('### Disputed, false, misleading and to recheck')
  })

  it('lists new anonymous sources without a basis and new claims since a commit, and refuses an unknown commit', () => {
    writeFileSync(path.join(work, 'seeds/trade.txt'), 'The talks went well.\n')
    expect(run(['--quiet']).status).toBe(0)
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'first draft')
    writeFileSync(path.join(work, 'seeds/trade.txt'), 'The talks went well.\nTariffs on $200 billion of goods will rise to 25% on Friday, officials said.\n')
    const summary = run(['--summary', '--since', 'HEAD', '--quiet'])
    expect(summary.status, summary.stderr).toBe(0)
    expect(summary.stdout).toContain('New anonymous sources with no basis given:\n\n- “officials” (said) in `s-')
    expect(summary.stdout).toMatch(/New sentences scoring 0\.5 or more:\n\n- `s-[0-9a-f]{10}` \(0\.\d+, [a-z/, -]+\): “Tariffs on \$200 billion/u)

    const unknown = run(['--summary', '--since', 'no-such-branch'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('annotate: --since no-such-branch: no commit no-such-branch in this repository')
    expect(run(['--since', 'HEAD']).stderr).toContain('--since goes with --summary')
  })
})

describe('workflowCommands', () => {
  it('prints errors and warnings at their place, paths from the repository root, and escapes what the runner reads', () => {
    const annotation = new VFile({path: 'annotations/a, b.yaml', cwd: '/repo/project'})
    annotation.message('s-0123456789 claim.score: 0.1 in the file, 0.6 computed', {place: {line: 12, column: 14}, ruleId: 'machine-field', source: 'annotate'}).fatal = true
    annotation.message('50% of\nit', {place: {start: {line: 3, column: 1}, end: {line: 4, column: 2}}, ruleId: 'x', source: 'annotate'})
    annotation.info('only a report line', {ruleId: 'summary', source: 'annotate'})
    const article = new VFile({path: 'seeds/a.txt', cwd: '/repo/project'})
    article.message('not annotated').fatal = true
    expect(workflowCommands([annotation, article], '/repo')).toBe(
      '::error file=project/annotations/a%2C b.yaml,line=12,col=14,title=annotate%3A machine-field::s-0123456789 claim.score: 0.1 in the file, 0.6 computed\n' +
        '::warning file=project/annotations/a%2C b.yaml,line=3,col=1,endLine=4,endColumn=2,title=annotate%3A x::50%25 of%0Ait\n' +
        '::error file=project/seeds/a.txt::not annotated\n'
    )
  })
})

describe('the default --jobs', () => {
  it('is one thread unless the bench measured workers at least 1.1x faster on a machine with these cores', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'jobs-'))
    const measured = (oneThreadSeconds: number, workersSeconds: number, cores = 2): string => {
      const target = path.join(folder, `${oneThreadSeconds}-${workersSeconds}-${cores}.json`)
      writeFileSync(target, JSON.stringify({cores, articles: 1000, oneThreadSeconds, workersSeconds, measured: '2026-12-06T00:00:00Z'}))
      return target
    }
    expect(defaultJobs(path.join(folder, 'none.json'), 2).jobs).toBe(1)
    expect(defaultJobs(measured(4.3, 4.68), 2).jobs).toBe(1)
    expect(defaultJobs(measured(4.3, 4.0), 2).jobs).toBe(1)
    expect(defaultJobs(measured(4.3, 2.4), 2)).toEqual({jobs: 2, why: 'workers measured 1.79x faster by npm run bench'})
    expect(defaultJobs(measured(4.3, 2.4, 8), 2).jobs).toBe(1)
    rmSync(folder, {recursive: true})
  })
})

describe('a reviewer’s text in the canonical form', () => {
  it('reads back exactly, as a block scalar when it has several lines', () => {
    const character = fc.constantFrom('a', 'b', ' ', '\n', '\t', 'é', '"', "'", '#', ':', '-', '|', '>', '\\', '😀', '\r', '\u2028', '\u0085')
    let blocks = 0
    fc.assert(
      fc.property(fc.array(character, {maxLength: 30}).map((characters) => characters.join('')), (value) => {
        for (const [before, indent] of [
          ['    review:\n      note: ', '      '],
          ['    review:\n      evidence:\n        - ', '        '],
          ['    review:\n      added:\n        - note: ', '          ']
        ] as const) {
          const written = reviewText(value, indent)
          if (written.startsWith('|')) blocks++
          const document = `sentences:\n  - id: "s-0123456789"\n${before}${written}\n      status: verified\n`
          expect(JSON.stringify(parse(document))).toContain(JSON.stringify(value))
          expect(JSON.stringify(load(document, {schema: CORE_SCHEMA}))).toContain(JSON.stringify(value))
        }
      }),
      {numRuns: 3000, seed: 22}
    )
    expect(blocks).toBeGreaterThan(500)
  })
})
