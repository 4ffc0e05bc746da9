import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/eval/cli.ts')
const work = mkdtempSync(path.join(tmpdir(), 'eval-cli-'))

function run(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [tsx, cli, ...args], {cwd: work, encoding: 'utf8'})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('npm run eval', () => {
  it('says where to put the data when there is none, and exits 0', () => {
    const result = run('--data', path.join(work, 'absent'))
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`eval sbd: no data in ${path.join(work, 'absent', 'sbd')}`)
    expect(result.stdout).toContain(`eval attribution: no data in ${path.join(work, 'absent', 'attribution')}`)
  })

  it('scores sentence splitting, lists failures, writes predictions and JSON', () => {
    const file = path.join(work, 'tiny-sbd.json')
    writeFileSync(
      file,
      JSON.stringify([
        {id: 1, name: 'a', input: 'Prices rose to 12. Analysts cheered.', expected: ['Prices rose to 12.', 'Analysts cheered.']},
        {id: 2, name: 'b', input: 'It fell. Then it rose.', expected: ['It fell. Then it rose.']}
      ])
    )
    const out = path.join(work, 'sbd-predictions.jsonl')
    const result = run('sbd', file, '--failures', '--predictions', out, '--json')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('sbd tiny-sbd.json: 1/2 cases passed (50.0%); boundaries P 0.500 R 1.000 F1 0.667')
    expect(result.stdout).toContain('FAIL tiny-sbd.json #2')
    const json = JSON.parse(result.stdout.trim().split('\n').at(-1)!)
    expect(json.sbd['tiny-sbd.json']).toMatchObject({passed: 1, total: 2, precision: 0.5, recall: 1})
    expect(readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      {file: 'tiny-sbd.json', id: 1, sentences: ['Prices rose to 12.', 'Analysts cheered.']},
      {file: 'tiny-sbd.json', id: 2, sentences: ['It fell.', 'Then it rose.']}
    ])
  })

  it('counts linked pronoun sources and prints a sample to check by hand', () => {
    const text = 'Sen. Patty Murray criticized the package. “It leaves out farmers,” she said. “It is not enough,” he said.'
    const file = path.join(work, 'tiny-speakers.jsonl')
    writeFileSync(file, JSON.stringify({doc_id: 'd1', text, attributions: []}) + '\n')
    const result = run('speakers', file, '--sample', '5', '--json')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('speakers tiny-speakers.jsonl: 2 "he"/"she" sources, 1 linked (50.0%)')
    expect(result.stdout).toContain('[1] she → Sen. Patty Murray')
    expect(result.stdout).not.toContain('[2]')
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({speakers: {'tiny-speakers.jsonl': {sources: 2, linked: 1}}})
  })

  it('scores attribution and writes predictions in the gold format', () => {
    const text = 'Prices will rise, the minister said.'
    const file = path.join(work, 'tiny-attribution.jsonl')
    const span = (part: string) => ({start: text.indexOf(part), end: text.indexOf(part) + part.length, text: part})
    writeFileSync(
      file,
      JSON.stringify({
        doc_id: 'd1',
        text,
        attributions: [{kind: 'Attribution', source: [span('the minister')], cue: [span('said')], content: [span('Prices will rise')]}]
      }) + '\n'
    )
    const out = path.join(work, 'attribution-predictions.jsonl')
    const result = run('attribution', file, '--predictions', out, '--json')
    expect(result.status, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout.trim().split('\n').at(-1)!)
    const metrics = json.attribution['tiny-attribution.jsonl']
    expect(metrics.exact.source.f1).toBe(1)
    expect(metrics.exact.content.f1).toBe(1)
    expect(metrics.lenient.f1).toBe(1)
    expect(metrics.speech.strict.f1).toBe(1)
    expect(metrics.failures).toBeUndefined()
    const [prediction] = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    expect(prediction).toMatchObject({
      doc_id: 'd1',
      text,
      attributions: [
        {source: [span('the minister')], cue: [span('said')], content: [span('Prices will rise')], source_type: 'unnamed-person'}
      ]
    })
  })

  it('lists attribution failures: missed cues by kind, boundary errors by side, their counts in JSON', () => {
    const text = 'Prices will rise, the minister said Friday. Blige sings to Clinton about hope.'
    const file = path.join(work, 'failures.jsonl')
    const span = (part: string) => ({start: text.indexOf(part), end: text.indexOf(part) + part.length, text: part})
    writeFileSync(
      file,
      JSON.stringify({
        doc_id: 'd1',
        text,
        attributions: [
          {source: [span('the minister')], cue: [span('said Friday')], content: [span('Prices will rise')]},
          {source: [span('Blige')], cue: [span('sings')], content: [span('to Clinton about hope')]}
        ]
      }) + '\n'
    )
    const result = run('attribution', file, '--failures', '--json')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('missed cues (gold, no predicted cue overlaps it): 1\n    other (long tail)     1\n      sings 1\n')
    expect(result.stdout).toContain('Blige [sings] to Clinton about hope.  (d1)')
    expect(result.stdout).toContain('cue boundary: 1 compared, 0 exact; starts too early 0, starts too late 0, ends too early 1, ends too late 0')
    expect(result.stdout).toContain('gold      "said Friday"\n        predicted "said"')
    const metrics = JSON.parse(result.stdout.trim().split('\n').at(-1)!).attribution['failures.jsonl']
    expect(metrics.exact.content.f1).toBeCloseTo(2 / 3, 10)
    expect(metrics.failures).toMatchObject({
      gold: 2,
      predicted: 1,
      paired: 1,
      missedCues: {total: 1, byKind: {'other (long tail)': 1}},
      spuriousCues: {total: 0, byKind: {}},
      cue: {compared: 1, exact: 0, endEarly: 1},
      content: {compared: 1, exact: 1},
      source: {compared: 1, exact: 1}
    })
  })

  it('exports content with its complementizer, as PolNeAR marks it', () => {
    const text = 'The minister said that prices will rise.'
    const file = path.join(work, 'that.jsonl')
    const span = (part: string) => ({start: text.indexOf(part), end: text.indexOf(part) + part.length, text: part})
    writeFileSync(
      file,
      JSON.stringify({doc_id: 'd2', text, attributions: [{source: [span('The minister')], cue: [span('said')], content: [span('that prices will rise')]}]}) + '\n'
    )
    const result = run('attribution', file, '--json')
    expect(result.status, result.stderr).toBe(0)
    const metrics = JSON.parse(result.stdout.trim().split('\n').at(-1)!).attribution['that.jsonl']
    expect(metrics.exact.content.f1).toBe(1)
    expect(metrics.strict.f1).toBe(1)
  })

  it('scores check-worthiness on ClaimBuster JSON and CLEF TSV, with predictions', () => {
    const json = path.join(work, 'claims.json')
    writeFileSync(
      json,
      JSON.stringify([
        {sentence_id: 7, label: 1, text: 'Unemployment rose to 7.8% in 2009, the highest in 26 years.'},
        {sentence_id: 8, label: 0, text: 'Is the economy growing?'}
      ])
    )
    const out = path.join(work, 'claims-predictions.jsonl')
    const result = run('claims', json, '--predictions', out, '--json')
    expect(result.status, result.stderr).toBe(0)
    const metrics = JSON.parse(result.stdout.trim().split('\n').at(-1)!).claims['claims.json']
    expect(metrics).toMatchObject({sentences: 2, precision: 1, recall: 1, f1: 1, averagePrecision: 1})
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => [line.id, line.claim])).toEqual([['7', true], ['8', false]])
    const tsv = path.join(work, 'debate-1.tsv')
    writeFileSync(tsv, '1\tMODERATOR\tWhat is your plan?\t0\n2\tSMITH\tWe cut taxes by $2 billion in 2019.\t1\n')
    const clef = run('claims', tsv, '--json')
    expect(clef.status, clef.stderr).toBe(0)
    expect(clef.stdout).toContain('claims: MAP over 1 debate file 1.000')
  })

  it('rejects a bad file with its name and line', () => {
    const file = path.join(work, 'broken.jsonl')
    writeFileSync(file, '{"doc_id": "x", "text": "a", "attributions": []}\nnot json\n')
    const result = run('attribution', file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${file}:2: not JSON`)
  })
})
