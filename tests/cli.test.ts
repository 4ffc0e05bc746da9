import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/cli/annotate.ts')
const seed = path.join(root, 'seeds/us-china-trade-talks.txt')

let work: string

function run(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [tsx, cli, ...args], {cwd: work, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

function files(folder: string): string[] {
  const full = path.join(work, folder)
  if (!existsSync(full)) return []
  return readdirSync(full, {recursive: true, encoding: 'utf8'}).sort()
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'annotate-cli-'))
  mkdirSync(path.join(work, 'seeds/asia'), {recursive: true})
  cpSync(seed, path.join(work, 'seeds/trade.txt'))
  cpSync(seed, path.join(work, 'seeds/asia/trade-copy.txt'))
})

afterEach(() => {
  rmSync(work, {recursive: true, force: true})
})

describe('npm run annotate', () => {
  it('annotates every seed into the same relative path under annotations/', () => {
    const result = run()
    expect(result.status, result.stderr).toBe(0)
    expect(files('annotations')).toEqual(['asia', 'asia/trade-copy.yaml', 'trade.yaml'])
    const yaml = readFileSync(path.join(work, 'annotations/asia/trade-copy.yaml'), 'utf8')
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../pipeline/schema/annotation.schema.json')
    expect(yaml).toContain('  path: "seeds/asia/trade-copy.txt"')
    expect(result.stderr).toContain('seeds/trade.txt')
    expect(result.stderr).toContain('18 sentences (9 body, 8 furniture), 7 attributions, 4 anonymous sources')
  })

  it('writes byte-identical files when nothing changed', () => {
    run()
    const first = readFileSync(path.join(work, 'annotations/trade.yaml'))
    run()
    expect(readFileSync(path.join(work, 'annotations/trade.yaml')).equals(first)).toBe(true)
  })

  it('annotates only the paths given', () => {
    const result = run('seeds/asia')
    expect(result.status, result.stderr).toBe(0)
    expect(files('annotations')).toEqual(['asia', 'asia/trade-copy.yaml'])
  })

  it('maps an article outside seeds/ to annotations/<its name>.yaml', () => {
    cpSync(seed, path.join(work, 'elsewhere.txt'))
    const result = run('elsewhere.txt')
    expect(result.status, result.stderr).toBe(0)
    expect(files('annotations')).toEqual(['elsewhere.yaml'])
  })

  it('prints instead of writing with --stdout', () => {
    const result = run('--stdout', 'seeds/trade.txt')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=../pipeline/schema/annotation.schema.json')
    expect(result.stdout).toContain('  path: "seeds/trade.txt"')
    expect(result.stdout).toContain('text: "people with knowledge of the matter"')
    expect(files('annotations')).toEqual([])
  })

  it('separates several articles on --stdout as YAML documents', () => {
    const result = run('--stdout')
    expect(result.stdout.split('\n---\n')).toHaveLength(2)
  })

  it('reports unreadable articles with their path and place, annotates the rest, exits 1', () => {
    writeFileSync(path.join(work, 'seeds/empty.txt'), '')
    writeFileSync(path.join(work, 'seeds/blank.txt'), '  \n\n')
    writeFileSync(path.join(work, 'seeds/binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))
    writeFileSync(path.join(work, 'seeds/latin1.txt'), Buffer.concat([Buffer.from('Fine line.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]))
    mkdirSync(path.join(work, 'annotations'))
    writeFileSync(path.join(work, 'annotations/latin1.yaml'), 'previous: annotation\n')

    const result = run()
    expect(result.status).toBe(1)
    expect(files('annotations')).toEqual(['asia', 'asia/trade-copy.yaml', 'latin1.yaml', 'trade.yaml'])
    expect(readFileSync(path.join(work, 'annotations/latin1.yaml'), 'utf8')).toBe('previous: annotation\n')
    expect(result.stderr).toMatch(/seeds\/empty\.txt\n\s*1:1\s+error\s+empty file/u)
    expect(result.stderr).toMatch(/seeds\/blank\.txt\n\s*1:1\s+error\s+empty file: only white space/u)
    expect(result.stderr).toMatch(/seeds\/binary\.txt\n\s*1:5\s+error\s+binary file \(NUL byte at byte 4\)/u)
    expect(result.stderr).toMatch(/seeds\/latin1\.txt\n\s*2:4\s+error\s+not UTF-8: invalid byte 0xe9 at byte 14/u)
  })

  it('reports a missing path and still annotates the others', () => {
    const result = run('seeds/trade.txt', 'seeds/missing.txt')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/seeds\/missing\.txt\n\s*1:1\s+error\s+cannot read file: ENOENT/u)
    expect(files('annotations')).toEqual(['trade.yaml'])
  })

  it('leaves no temporary files behind', () => {
    run()
    expect(files('annotations').filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('tells the truth in --help, and rejects unknown options with exit 2', () => {
    const help = run('--help')
    expect(help.status).toBe(0)
    for (const option of ['--stdout', '--seeds DIR', '--out DIR', '--quiet', '--help']) expect(help.stdout).toContain(option)
    const wrong = run('--frobnicate')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain("Unknown option '--frobnicate'")
  })

  it('honours --seeds, --out and --quiet', () => {
    mkdirSync(path.join(work, 'articles'))
    cpSync(seed, path.join(work, 'articles/one.txt'))
    const result = run('--seeds', 'articles', '--out', 'out', '--quiet')
    expect(result.status, result.stderr).toBe(0)
    expect(files('out')).toEqual(['one.yaml'])
    expect(result.stderr).not.toContain('sentences')
  })

  it('keeps what a reviewer wrote across a re-run', () => {
    run()
    const file = path.join(work, 'annotations/trade.yaml')
    const yaml = readFileSync(file, 'utf8')
    const at = yaml.indexOf('status: unreviewed', yaml.indexOf('These include Washington'))
    writeFileSync(file, yaml.slice(0, at) + 'status: verified' + yaml.slice(at + 'status: unreviewed'.length))
    const result = run()
    expect(result.status, result.stderr).toBe(0)
    const after = readFileSync(file, 'utf8')
    expect(after.indexOf('status: verified')).toBeGreaterThan(after.indexOf('These include Washington'))
  })

  it('reports an invalid annotation with its line and column, leaves it untouched, and goes on', () => {
    run()
    const file = path.join(work, 'annotations/trade.yaml')
    const broken = readFileSync(file, 'utf8').replace('status: unreviewed', 'status: done')
    writeFileSync(file, broken)
    const line = broken.split('\n').findIndex((text) => text.includes('status: done')) + 1
    writeFileSync(path.join(work, 'seeds/asia/trade-copy.txt'), readFileSync(seed, 'utf8') + '\nOne more line.\n')
    const result = run()
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`annotations/trade\\.yaml\\n\\s*${line}:15\\s+error\\s+sentences\\[1\\]\\.review\\.status: expected one of unreviewed`, 'u'))
    expect(readFileSync(file, 'utf8')).toBe(broken)
    expect(readFileSync(path.join(work, 'annotations/asia/trade-copy.yaml'), 'utf8')).toContain('One more line.')
  })

  it('--check writes nothing, shows a diff and exits 1 when an annotation is stale, 0 when all are current', () => {
    run()
    expect(run('--check').status).toBe(0)
    writeFileSync(path.join(work, 'seeds/trade.txt'), readFileSync(seed, 'utf8').replace('Now what?', 'What next?'))
    const before = readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')
    const result = run('--check')
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('--- annotations/trade.yaml\ton disk, as `npm run annotate` writes it')
    expect(result.stdout).toContain('+    text: "What next?"')
    expect(result.stdout).toContain('-    text: "Now what?"')
    expect(result.stderr).toContain('annotations/trade.yaml differs from what the pipeline computes now')
    // The sentence's id comes from its words: the old one is gone, a new one is computed.
    expect(result.stderr).toMatch(/s-[0-9a-f]{10}: in the file \("Now what\?"\), not computed now/u)
    expect(result.stderr).toMatch(/s-[0-9a-f]{10}: not in the file; computed now: "What next\?"/u)
    expect(readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')).toBe(before)
    rmSync(path.join(work, 'annotations/asia/trade-copy.yaml'))
    expect(run('--check').stderr).toContain('annotations/asia/trade-copy.yaml is missing')
  })

  it('--summary prints a Markdown table of review statuses per article', () => {
    const result = run('--summary')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('| article | sentences | unreviewed | verified | disputed | false | misleading | unverifiable | not-a-claim | attributions | anonymous | needs recheck | obsolete |')
    expect(result.stdout).toContain('| `seeds/trade.txt` | 9 | 9 | 0 | 0 | 0 | 0 | 0 | 0 | 7 | 4 | 0 | 0 |')
    expect(result.stdout).toContain('| **total** | 18 | 18 |')
  })

  it('writes byte-identical files with worker threads and in one process', () => {
    for (let index = 0; index < 20; index++) {
      writeFileSync(path.join(work, `seeds/story-${index}.txt`), `${readFileSync(seed, 'utf8')}\nStory ${index}, the editor said.\n`)
    }
    // A worker loads the Markdown and HTML parsers when its first such article comes.
    const markup = path.join(root, 'tests/fixtures/markup')
    mkdirSync(path.join(work, 'seeds/web'))
    cpSync(path.join(markup, 'us-china-trade-talks.md'), path.join(work, 'seeds/web/story.md'))
    cpSync(path.join(markup, 'us-china-trade-talks.html'), path.join(work, 'seeds/web/page.html'))
    expect(run('--jobs', '2', '--no-cache').status).toBe(0)
    const parallel = files('annotations').map((name) => (name.endsWith('.yaml') ? readFileSync(path.join(work, 'annotations', name), 'utf8') : name))
    rmSync(path.join(work, 'annotations'), {recursive: true})
    expect(run('--jobs', '1', '--no-cache').status).toBe(0)
    const single = files('annotations').map((name) => (name.endsWith('.yaml') ? readFileSync(path.join(work, 'annotations', name), 'utf8') : name))
    expect(parallel).toHaveLength(26)
    expect(parallel.some((text) => text.includes('kind: heading'))).toBe(true)
    expect(parallel).toEqual(single)
  })

  it('annotates a batch larger than one slice (256 articles) alike on worker threads and in one process, in order', () => {
    rmSync(path.join(work, 'seeds'), {recursive: true})
    mkdirSync(path.join(work, 'seeds'))
    const names = Array.from({length: 600}, (_, index) => `story-${String(index).padStart(3, '0')}`)
    names.forEach((name, index) => writeFileSync(path.join(work, `seeds/${name}.txt`), `Story ${index} was filed late, the editor said.\n`))
    const snapshot = (): string[] => names.map((name) => readFileSync(path.join(work, `annotations/${name}.yaml`), 'utf8'))
    const parallel = run('--jobs', '2', '--no-cache')
    expect(parallel.status, parallel.stderr).toBe(0)
    const written = snapshot()
    expect(written[599]).toContain('text: "Story 599 was filed late, the editor said."')
    // The report keeps the input's order across slices.
    const reported = [...parallel.stderr.matchAll(/seeds\/(story-\d+)\.txt/gu)].map((match) => match[1])
    expect(reported).toEqual(names)
    rmSync(path.join(work, 'annotations'), {recursive: true})
    expect(run('--jobs', '1').status).toBe(0)
    expect(snapshot()).toEqual(written)
    // A review in the second slice is kept, a changed article in the third is redone, and the rest
    // are unchanged (read and recognised by their hashes: every file was touched).
    const reviewed = path.join(work, 'annotations/story-300.yaml')
    writeFileSync(reviewed, readFileSync(reviewed, 'utf8').replace('note: ""', 'note: "checked by the desk"'))
    writeFileSync(path.join(work, 'seeds/story-550.txt'), 'Story 550 was filed on time, the editor said.\n')
    const later = new Date(Date.now() + 5000)
    for (const name of names) utimesSync(path.join(work, `seeds/${name}.txt`), later, later)
    const rerun = run('--jobs', '2')
    expect(rerun.status, rerun.stderr).toBe(0)
    expect(rerun.stderr.match(/unchanged since the last run/gu)).toHaveLength(598)
    expect(readFileSync(reviewed, 'utf8')).toContain('note: "checked by the desk"')
    expect(readFileSync(path.join(work, 'annotations/story-550.yaml'), 'utf8')).toContain('filed on time')
  })

  it('skips unchanged articles on a re-run, redoes changed ones, and ignores a corrupt cache', () => {
    expect(run().stderr).not.toContain('unchanged since the last run')
    const second = run()
    expect(second.stderr.match(/unchanged since the last run/gu)).toHaveLength(2)
    writeFileSync(path.join(work, 'seeds/trade.txt'), readFileSync(seed, 'utf8').replace('Now what?', 'What next?'))
    const third = run()
    expect(third.stderr.match(/unchanged since the last run/gu)).toHaveLength(1)
    expect(readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')).toContain('What next?')
    // An annotation edited by hand is read again (its reviews are merged), not skipped.
    const file = path.join(work, 'annotations/trade.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('note: ""', 'note: "checked"'))
    expect(run().stderr.match(/unchanged since the last run/gu)).toHaveLength(1)
    writeFileSync(path.join(work, 'node_modules/.cache/claimcheck/annotate.json'), '{"version": 1, "entries": {"seeds/trade.txt": 42}')
    const afterCorruption = run()
    expect(afterCorruption.status).toBe(0)
    expect(afterCorruption.stderr).not.toContain('unchanged since the last run')
  })

  it('shows no progress when standard error is not a terminal', () => {
    for (let index = 0; index < 20; index++) writeFileSync(path.join(work, `seeds/story-${index}.txt`), `Story ${index}, the editor said.\n`)
    expect(run('--jobs', '2').stderr).not.toContain('annotating ')
  })

  it('rejects a bad --jobs', () => {
    const result = run('--jobs', 'zero')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--jobs takes a whole number from 1 up, not zero')
  })

  it('annotates Markdown and HTML articles, and refuses two articles for one annotation', () => {
    const markup = path.join(root, 'tests/fixtures/markup')
    mkdirSync(path.join(work, 'seeds/web'))
    cpSync(path.join(markup, 'us-china-trade-talks.md'), path.join(work, 'seeds/web/story.md'))
    cpSync(path.join(markup, 'us-china-trade-talks.html'), path.join(work, 'seeds/web/page.html'))
    cpSync(path.join(markup, 'us-china-trade-talks.md'), path.join(work, 'seeds/trade.md'))
    const result = run()
    expect(result.status).toBe(1)
    expect(files('annotations')).toEqual(['asia', 'asia/trade-copy.yaml', 'trade.yaml', 'web', 'web/page.yaml', 'web/story.yaml'])
    expect(readFileSync(path.join(work, 'annotations/web/page.yaml'), 'utf8')).toContain('  title: {text: "China Offers Chip Purchases to Ease Trade Talks"')
    expect(readFileSync(path.join(work, 'annotations/web/story.yaml'), 'utf8')).toContain('    kind: heading')
    expect(result.stderr).toContain('not annotated: seeds/trade.txt and seeds/trade.md would both be written to annotations/trade.yaml; rename one')
  })

  it('never merges another article’s annotation, reports unwritable and orphaned annotations', () => {
    run()
    // Another article that maps to the same annotation file.
    mkdirSync(path.join(work, 'other'))
    cpSync(seed, path.join(work, 'other/trade.txt'))
    const before = readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')
    const clash = run('other/trade.txt')
    expect(clash.status).toBe(1)
    expect(clash.stderr).toContain('not annotated: annotations/trade.yaml belongs to seeds/trade.txt')
    expect(readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')).toBe(before)
    // A renamed article leaves its annotation behind: --check fails on it.
    cpSync(path.join(work, 'seeds/trade.txt'), path.join(work, 'seeds/renamed.txt'))
    rmSync(path.join(work, 'seeds/trade.txt'))
    run()
    const check = run('--check')
    expect(check.status).toBe(1)
    expect(check.stderr).toMatch(/annotations\/trade\.yaml\n\s*1:1\s+error\s+no article for this annotation \(renamed or deleted\?\)/u)
  })

  it('reports an annotation it cannot read, leaves it, and writes the others', () => {
    // A folder where the file should be: it cannot be read (or replaced).
    mkdirSync(path.join(work, 'annotations/asia/trade-copy.yaml'), {recursive: true})
    const result = run('--no-cache')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/seeds\/asia\/trade-copy\.txt\n\s*1:1\s+error\s+cannot read annotations\/asia\/trade-copy\.yaml: EISDIR; it was left as it is/u)
    expect(readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')).toContain('seeds/trade.txt')
  })

  it('says so when there is nothing to annotate', () => {
    rmSync(path.join(work, 'seeds'), {recursive: true})
    mkdirSync(path.join(work, 'seeds'))
    const result = run()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('no articles (.txt, .md, .html) found in seeds')
  })
})
