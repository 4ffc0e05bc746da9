import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import type {Annotation, Review} from '../pipeline/annotation/model.ts'
import {type Task, type TaskResult, annotators, runTask} from '../pipeline/cli/task.ts'
import {readAnnotation} from '../pipeline/review/read.ts'
import {analyze} from './helpers.ts'

const article = readFileSync(new URL('../seeds/us-china-trade-talks.txt', import.meta.url), 'utf8')
const {yaml: canonical, annotation} = analyze(article, 'seeds/trade.txt', 'annotations/trade.yaml')
const annotatorFor = annotators()

/** What `annotate` does with the file on disk (`--check` when `check`), in this process. */
function againstDisk(existing: string, check = true): TaskResult {
  const task: Task = {
    articlePath: 'seeds/trade.txt',
    targetPath: 'annotations/trade.yaml',
    cwd: process.cwd(),
    article: new TextEncoder().encode(article),
    existing,
    keepAnnotation: false,
    check
  }
  return runTask(task, annotatorFor)
}

const body = annotation.sentences.filter((sentence) => sentence.kind === 'body')
const first = body[0]!
const attributed = body.find((sentence) => sentence.attributions.length > 0)!
const emptyReview = '    review:\n      status: unreviewed\n      reviewer: ""\n      date: ""\n      note: ""\n      evidence: []\n'

/** The canonical file with the review block of sentence `id` replaced by `block` (lines at four spaces). */
function withReview(id: string, block: string, text = canonical): string {
  const at = text.indexOf(`  - id: "${id}"`)
  const start = text.indexOf(emptyReview, at)
  if (at === -1 || start === -1) throw new Error(`no empty review block for ${id}`)
  return text.slice(0, start) + block + text.slice(start + emptyReview.length)
}

function reviewOf(yaml: string, id: string): Review {
  const read = readAnnotation(yaml)
  if (!('annotation' in read)) throw new Error(JSON.stringify(read.problems))
  return read.annotation.sentences.find((sentence) => sentence.id === id)!.review
}

/** Reviews as people type them: each passes --check, and `annotate` keeps every word of it. */
const typed: Array<{name: string; block: string; review: Partial<Review>; file?: (text: string) => string}> = [
  {
    name: 'plain scalars',
    block: '    review:\n      status: verified\n      reviewer: Jane Roe\n      date: 2026-12-01\n      note: checked with the agency\n      evidence: []\n',
    review: {status: 'verified', reviewer: 'Jane Roe', date: '2026-12-01', note: 'checked with the agency'}
  },
  {
    name: 'single quotes, a doubled quote inside',
    block: "    review:\n      status: 'disputed'\n      reviewer: 'J. Roe'\n      note: 'the ministry''s figure differs'\n",
    review: {status: 'disputed', reviewer: 'J. Roe', note: 'the ministry’s figure differs'.replace('’', "'")}
  },
  {
    name: 'a literal block note and a block list of evidence',
    block:
      '    review:\n      status: misleading\n      note: |\n        The figure is for 2018.\n        The article says this year.\n      evidence:\n        - https://example.org/stats\n        - "Customs yearbook, table 4"\n',
    review: {status: 'misleading', note: 'The figure is for 2018.\nThe article says this year.\n', evidence: ['https://example.org/stats', 'Customs yearbook, table 4']}
  },
  {
    name: 'a folded note',
    block: '    review:\n      status: unverifiable\n      note: >\n        No record of the\n        meeting was published.\n',
    review: {status: 'unverifiable', note: 'No record of the meeting was published.\n'}
  },
  {
    name: 'a flow list of evidence',
    block: '    review:\n      status: verified\n      evidence: [https://example.org/a, "Reuters, 3 May"]\n',
    review: {status: 'verified', evidence: ['https://example.org/a', 'Reuters, 3 May']}
  },
  {
    name: 'keys in another order',
    block: '    review:\n      note: asked the embassy\n      evidence: []\n      date: "2026-12-02"\n      status: disputed\n      reviewer: Sam\n',
    review: {status: 'disputed', reviewer: 'Sam', date: '2026-12-02', note: 'asked the embassy'}
  },
  {
    name: 'bare `false` for the status',
    block: '    review:\n      status: false\n      reviewer: Jane Roe\n',
    review: {status: 'false', reviewer: 'Jane Roe'}
  },
  {
    name: 'CRLF line ends',
    block: '    review:\n      status: verified\n      note: checked\n',
    review: {status: 'verified', note: 'checked'},
    file: (text) => text.replace(/\n/gu, '\r\n')
  },
  {
    name: 'a UTF-8 byte order mark',
    block: '    review:\n      status: verified\n      note: checked\n',
    review: {status: 'verified', note: 'checked'},
    file: (text) => `\ufeff${text}`
  },
  {
    name: 'trailing spaces',
    block: '    review:   \n      status: verified   \n      note: checked  \n',
    review: {status: 'verified', note: 'checked'},
    file: (text) => text.replace(/\n/gu, '  \n')
  },
  {
    name: 'a rejected attribution by its id, in a flow list',
    block: `    review:\n      status: not-a-claim\n      rejected: [${attributed.attributions[0]!.id}]\n`,
    review: {status: 'not-a-claim', rejected: [attributed.attributions[0]!.id]}
  }
]

describe('--check judges meaning, not bytes', () => {
  it('passes the file as annotate writes it', () => {
    expect(againstDisk(canonical).change).toBe('same')
  })

  it.each(typed)('passes a review typed with $name, and annotate keeps every word', ({block, review, file}) => {
    const target = block.includes('rejected:') ? attributed : first
    const edited = (file ?? ((text: string) => text))(withReview(target.id, block))
    const result = againstDisk(edited)
    expect(result.annotation, JSON.stringify(result.annotation)).toEqual([])
    expect(result.change).toBe('format')
    const written = result.yaml!
    expect(reviewOf(written, target.id)).toMatchObject(review)
    // What annotate writes is canonical: it passes byte for byte, and writes nothing new.
    expect(againstDisk(written).change).toBe('same')
  })

  it('writes a multi-line note back as a block scalar, not one escaped line', () => {
    const edited = withReview(first.id, '    review:\n      status: disputed\n      note: "First point.\\nSecond point."\n')
    const written = againstDisk(edited).yaml!
    expect(written).toContain('      note: |-\n        First point.\n        Second point.\n')
    expect(reviewOf(written, first.id).note).toBe('First point.\nSecond point.')
  })

  it('reads and rewrites the whole seed annotation hand-edited in every style at once, with CRLF line ends', () => {
    let edited = canonical
    for (const [index, {block}] of typed.filter(({file, block}) => !file && !block.includes('rejected')).entries()) {
      edited = withReview(body[index]!.id, block, edited)
    }
    edited = edited.replace(/\n/gu, '\r\n')
    const result = againstDisk(edited)
    expect(result.annotation).toEqual([])
    expect(result.change).toBe('format')
  })
})

/** Machine fields a person edited: --check fails, naming the sentence, the field and both values. */
const machineEdits: Array<{name: string; edit: (text: string) => string; message: string; line: (text: string) => number}> = (() => {
  const score = first.claim.score
  const attribution = annotation.sentences.flatMap((sentence) => sentence.attributions.map((item) => ({sentence, item})))[0]!
  const lineOf = (needle: string, after = 0) => (text: string) => text.slice(0, text.indexOf(needle, after)).split('\n').length
  const firstAt = canonical.indexOf(`  - id: "${first.id}"`)
  const attributionAt = canonical.indexOf(`id: "${attribution.item.id}"`)
  const contentEnd = `content: {text: ${JSON.stringify(attribution.item.content.text)}, start: ${attribution.item.content.start}, end: ${attribution.item.content.end}}`
  const other = score === 0.111 ? 0.222 : 0.111
  return [
    {
      name: 'a claim score',
      edit: (text) => text.slice(0, firstAt) + text.slice(firstAt).replace(`score: ${score}`, `score: ${other}`),
      message: `${first.id} claim.score: ${other} in the file, ${score} computed`,
      line: lineOf(`score: ${other}`, firstAt)
    },
    {
      name: 'the end of an attribution’s content',
      edit: (text) => text.replace(contentEnd, contentEnd.replace(/end: \d+\}$/u, `end: ${attribution.item.content.end + 1}}`)),
      message: `${attribution.sentence.id} ${attribution.item.id} content.end: ${attribution.item.content.end + 1} in the file, ${attribution.item.content.end} computed`,
      line: lineOf('content: {', attributionAt)
    },
    {
      name: 'whether a source is anonymous',
      edit: (text) => text.slice(0, attributionAt) + text.slice(attributionAt).replace(`anonymous: ${attribution.item.source!.anonymous}`, `anonymous: ${!attribution.item.source!.anonymous}`),
      message: `${attribution.sentence.id} ${attribution.item.id} source.anonymous: ${!attribution.item.source!.anonymous} in the file, ${attribution.item.source!.anonymous} computed`,
      line: lineOf('anonymous: ', attributionAt)
    },
    {
      name: 'a count',
      edit: (text) => text.replace(`  claims: ${annotation.counts.claims}\n`, `  claims: ${annotation.counts.claims + 5}\n`),
      message: `counts.claims: ${annotation.counts.claims + 5} in the file, ${annotation.counts.claims} computed`,
      line: lineOf('  claims: ')
    },
    {
      name: 'a sentence’s kind',
      edit: (text) => text.slice(0, firstAt) + text.slice(firstAt).replace('kind: body', 'kind: heading'),
      message: `${first.id} kind: "heading" in the file, "body" computed`,
      line: lineOf('kind: heading', firstAt)
    }
  ]
})()

describe('--check fails a machine field edited by hand', () => {
  it.each(machineEdits)('$name', ({edit, message, line}) => {
    const edited = edit(canonical)
    expect(edited).not.toBe(canonical)
    const result = againstDisk(edited)
    expect(result.change).toBe('content')
    expect(result.annotation.map((item) => item.reason)).toEqual([message])
    expect(result.annotation[0]!.place!.start.line).toBe(line(edited))
    expect(result.annotation[0]!.fatal).toBe(true)
    // annotate (not --check) rewrites it to the computed value.
    expect(againstDisk(edited, false).yaml).toBe(canonical)
  })

  it('names at most 20 fields, then counts the rest', () => {
    const edited = canonical.replace(/ (start|end): \{line: (\d+)/gu, (_all, key: string, line: string) => ` ${key}: {line: ${Number(line) + 100}`)
    const reasons = againstDisk(edited).annotation.map((item) => item.reason)
    expect(reasons).toHaveLength(21)
    expect(reasons[0]).toBe(`${annotation.sentences[0]!.id} start.line: ${annotation.sentences[0]!.start.line + 100} in the file, ${annotation.sentences[0]!.start.line} computed`)
    expect(reasons[20]).toBe(`and ${2 * annotation.sentences.length - 20} more differences; \`npm run annotate\` rewrites them all`)
  })
})

describe('rejected attributions', () => {
  const withAttribution = annotation.sentences.find((sentence) => sentence.attributions.length > 0)!
  const known = withAttribution.attributions.map((item) => item.id)

  it('reports an id that matches no attribution of the sentence, naming it', () => {
    const edited = withReview(withAttribution.id, '    review:\n      status: verified\n      rejected: [a-0badc0de]\n')
    const read = readAnnotation(edited)
    expect(read).toEqual({
      problems: [
        {
          line: edited.slice(0, edited.indexOf('a-0badc0de')).split('\n').length,
          column: 18,
          message: `sentences[${annotation.sentences.indexOf(withAttribution)}].review.rejected[0]: a-0badc0de is no attribution of ${withAttribution.id} (its attributions: ${known.join(', ')})`
        }
      ]
    })
    // annotate leaves such a file as it is, rather than turn the typo into a bare needs_recheck.
    const result = againstDisk(edited, false)
    expect(result.yaml).toBeUndefined()
    expect(result.annotation[0]!.reason).toContain('a-0badc0de is no attribution of')
  })

  it('accepts an id the tool no longer finds once the review is marked needs_recheck', () => {
    const edited = withReview(withAttribution.id, '    review:\n      status: verified\n      rejected: [a-0badc0de]\n      needs_recheck: true\n')
    expect('annotation' in readAnnotation(edited)).toBe(true)
  })
})

describe('a sentence that cannot be a claim', () => {
  const furniture = annotation.sentences.find((sentence) => sentence.kind === 'furniture')!
  const block = (text: string, id: string): string => {
    const start = text.indexOf(`  - id: "${id}"`)
    const end = text.indexOf('\n  - id: ', start + 1)
    return text.slice(start, end === -1 ? undefined : end)
  }

  it('carries no empty review block; a body sentence does', () => {
    expect(block(canonical, furniture.id)).not.toContain('review:')
    expect(block(canonical, annotation.sentences.find((sentence) => sentence.kind === 'dateline')!.id)).not.toContain('review:')
    expect(block(canonical, first.id)).toContain('review:')
    const parsed = parse(canonical) as Annotation
    expect(parsed.sentences.filter((sentence) => sentence.review === undefined).length).toBe(annotation.sentences.length - body.length)
  })

  it('keeps a review a reviewer adds to it', () => {
    const at = canonical.indexOf('\n', canonical.indexOf('    claim:', canonical.indexOf(`  - id: "${furniture.id}"`))) + 1
    const edited = `${canonical.slice(0, at)}    review:\n      status: not-a-claim\n      note: promo, not news\n${canonical.slice(at)}`
    const result = againstDisk(edited)
    expect(result.change).toBe('format')
    expect(reviewOf(result.yaml!, furniture.id)).toMatchObject({status: 'not-a-claim', note: 'promo, not news'})
  })

  it('reads a file written with empty review blocks on furniture as it is, and drops them on the next write', () => {
    const old = annotation.sentences.reduce((text, sentence) => {
      if (sentence.kind === 'body') return text
      const start = text.indexOf(`  - id: "${sentence.id}"`)
      const end = text.indexOf('\n  - id: ', start + 1)
      const stop = end === -1 ? text.indexOf('\n', text.indexOf('    claim:', start)) : end
      return `${text.slice(0, stop)}\n${emptyReview.slice(0, -1)}${text.slice(stop)}`
    }, canonical)
    expect(old.match(/review:/gu)!.length).toBe(annotation.sentences.length)
    const result = againstDisk(old)
    expect(result.change).toBe('format')
    expect(result.yaml).toBe(canonical)
  })
})
