import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Annotation, Review} from '../pipeline/annotation/model.ts'
import {claimReviews, ratingScale, readConfig} from '../pipeline/export/claimreview.ts'
import {analyze} from './helpers.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const config = {
  organisation: {name: 'Example Fact Desk', url: 'https://desk.example.org'},
  reviewUrl: 'https://desk.example.org/checks/{article}#{sentence}',
  articleUrl: 'https://news.example.org/{article}'
}

const article = [
  'Tariffs on $200 billion of goods will rise to 25% on Friday, Commerce Secretary Jane Doe said.',
  'The deficit doubled last year.',
  'He added that exports fell by half, according to a report by the ministry.',
  'Nobody knows what comes next.'
].join('\n')

function reviewed(statuses: Array<Review['status']>): Annotation {
  const {annotation} = analyze(article, 'seeds/trade/tariffs.txt', 'annotations/trade/tariffs.yaml')
  const body = annotation.sentences.filter((sentence) => sentence.kind === 'body')
  statuses.forEach((status, index) => {
    body[index]!.review = {...body[index]!.review, status, date: status === 'unreviewed' ? '' : '2026-12-05', reviewer: 'Jane Roe'}
  })
  return annotation
}

/**
 * Google's ClaimReview documentation (Search Central, "Fact check
 * (ClaimReview) structured data"): required and recommended properties,
 * for the ClaimReview, its Rating, its Claim and its author.
 */
const google = {
  claimReview: {required: ['claimReviewed', 'reviewRating', 'url'], recommended: ['author', 'datePublished', 'itemReviewed']},
  rating: {required: ['alternateName'], recommended: ['bestRating', 'name', 'ratingValue', 'worstRating']},
  claim: {required: [], recommended: ['appearance', 'author']},
  author: {required: ['name'], recommended: ['url']}
}

function missing(item: Record<string, unknown>, properties: string[]): string[] {
  return properties.filter((property) => item[property] === undefined || item[property] === '')
}

describe('ClaimReview export', () => {
  it('describes every body sentence with a verdict, with Google’s required and recommended properties', () => {
    const annotation = reviewed(['false', 'verified', 'unverifiable', 'not-a-claim'])
    const reviews = claimReviews([annotation], config)
    expect(reviews).toHaveLength(3)
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org')
      expect(review['@type']).toBe('ClaimReview')
      expect(missing(review, google.claimReview.required)).toEqual([])
      expect(missing(review, google.claimReview.recommended)).toEqual([])
      const rating = review['reviewRating'] as Record<string, unknown>
      expect(rating['@type']).toBe('Rating')
      expect(missing(rating, google.rating.required)).toEqual([])
      // An unverifiable claim has no place on a scale of truth: named, without a value.
      expect(missing(rating, google.rating.recommended)).toEqual(rating['alternateName'] === 'Unverifiable' ? ['ratingValue'] : [])
      const claim = review['itemReviewed'] as Record<string, unknown>
      expect(claim['@type']).toBe('Claim')
      const author = review['author'] as Record<string, unknown>
      expect(author).toEqual({'@type': 'Organization', name: 'Example Fact Desk', url: 'https://desk.example.org'})
      expect(String(review['url'])).toMatch(/^https:\/\/desk\.example\.org\/checks\/seeds\/trade\/tariffs#s-[0-9a-f]{10}$/u)
      expect(review['datePublished']).toBe('2026-12-05')
    }
    const [attributed, plain] = reviews
    // The attributed content is the claim, and its source its author.
    expect(attributed!['claimReviewed']).toBe('Tariffs on $200 billion of goods will rise to 25% on Friday')
    expect(attributed!['itemReviewed']).toEqual({
      '@type': 'Claim',
      appearance: {'@type': 'CreativeWork', url: 'https://news.example.org/seeds/trade/tariffs'},
      author: {'@type': 'Person', name: 'Commerce Secretary Jane Doe'}
    })
    expect(attributed!['reviewRating']).toEqual({'@type': 'Rating', alternateName: 'False', name: 'False', ratingValue: 1, bestRating: 5, worstRating: 1})
    // A sentence that attributes nothing is the claim itself, with no author.
    expect(plain!['claimReviewed']).toBe('The deficit doubled last year.')
    expect(missing(plain!['itemReviewed'] as Record<string, unknown>, google.claim.recommended)).toEqual(['author'])
    expect((plain!['reviewRating'] as Record<string, unknown>)['ratingValue']).toBe(ratingScale.verified)
  })

  it('leaves out unreviewed sentences and not-a-claim', () => {
    expect(claimReviews([reviewed(['unreviewed', 'not-a-claim'])], config)).toEqual([])
  })

  it('says which settings are missing', () => {
    expect(readConfig({})).toEqual({problems: ['package.json has no "claimcheck" settings']})
    expect(readConfig({claimcheck: {organisation: {name: 'Desk'}}})).toEqual({
      problems: [
        'claimcheck.organisation.url: the desk’s web address (https://…)',
        'claimcheck.reviewUrl: where a review is published, e.g. "https://example.org/fact-checks/{article}#{sentence}"'
      ]
    })
  })

  it('prints one JSON array from the command line, or exits 1 naming the settings to add', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'export-'))
    try {
      mkdirSync(path.join(work, 'annotations/trade'), {recursive: true})
      const {yaml} = analyze(article, 'seeds/trade/tariffs.txt', 'annotations/trade/tariffs.yaml')
      writeFileSync(path.join(work, 'annotations/trade/tariffs.yaml'), yaml.replace('status: unreviewed', 'status: misleading'))
      const script = path.join(work, 'export.mts')
      writeFileSync(script, `import {main} from ${JSON.stringify(path.join(root, 'pipeline/export/cli.ts'))}\nprocess.exitCode = await main(['claimreview'])\n`)
      const run = (): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script], {cwd: work, encoding: 'utf8'})
      writeFileSync(path.join(work, 'package.json'), '{"name": "desk"}\n')
      const unset = run()
      expect(unset.status).toBe(1)
      expect(unset.stderr).toContain('export: set these in package.json first:\n  package.json has no "claimcheck" settings')
      writeFileSync(path.join(work, 'package.json'), JSON.stringify({name: 'desk', claimcheck: config}))
      const done = run()
      expect(done.status, String(done.stderr)).toBe(0)
      const printed = JSON.parse(String(done.stdout)) as Array<Record<string, unknown>>
      expect(printed).toHaveLength(1)
      expect(printed[0]!['reviewRating']).toMatchObject({alternateName: 'Misleading', ratingValue: 2})
    } finally {
      rmSync(work, {recursive: true, force: true})
    }
  })
})
