import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allSpans, analyze} from './helpers.ts'

const text = readFileSync(new URL('../seeds/us-china-trade-talks.txt', import.meta.url), 'utf8')
const {annotation} = analyze(text, 'seeds/us-china-trade-talks.txt')

/** The seed article's acceptance table: one attribution per row, spans exact. */
const rows = [
  {
    sentence: 'During this week’s negotiations',
    source: 'people with knowledge of the matter',
    type: 'unnamed-group',
    anonymous: true,
    basis: 'with knowledge of the matter',
    cue: 'according to',
    content: [
      'During this week’s negotiations, which marked their fourth day Thursday, U.S. and Chinese officials have remained deadlocked on a number of issues underlying the current trade dispute'
    ]
  },
  {
    sentence: 'These include Washington’s complaints',
    source: 'Washington',
    type: 'named-organisation',
    anonymous: false,
    basis: null,
    cue: 'complaints',
    content: [
      'China pressures U.S. firms to share technology and uses industrial policies to favor domestic companies at the expense of U.S. competitors'
    ]
  },
  {
    sentence: 'Having denied those allegations',
    source: 'Chinese officials',
    type: 'unnamed-group',
    anonymous: true,
    basis: null,
    cue: 'denied',
    content: ['those allegations']
  },
  {
    sentence: 'For instance, China’s top economic-planning agency',
    source: 'U.S. companies briefed on the plan',
    type: 'unnamed-group',
    anonymous: true,
    basis: 'briefed on the plan',
    cue: 'according to',
    content: [
      'China’s top economic-planning agency is proposing to increase U.S. semiconductor sales to China to a total over six years of $200 billion',
      'or a level five times that of current exports'
    ]
  },
  {
    sentence: 'Chinese negotiators are also offering',
    source: 'the people with knowledge of the talks',
    type: 'unnamed-group',
    anonymous: true,
    basis: 'with knowledge of the talks',
    cue: 'said',
    content: [
      'Chinese negotiators are also offering to eliminate a national vehicle-procurement policy that has given consumers subsidies to buy domestically made new-energy, small-engine and other types of cars'
    ]
  },
  {
    sentence: 'These proposals come on top of recent pledges',
    source: 'Beijing',
    type: 'named-organisation',
    anonymous: false,
    basis: null,
    cue: 'pledges',
    content: [
      'to significantly increase China’s purchases of U.S. farm and energy products, including soybeans, liquefied natural gas and crude oil'
    ]
  },
  {
    sentence: 'Trump, who has campaigned',
    source: 'Trump',
    type: 'named-person',
    anonymous: false,
    basis: null,
    cue: 'praised',
    content: ['the soybean pledge']
  }
]

describe('seed article: us-china-trade-talks.txt', () => {
  it.each(rows)('attributes “$sentence…” to “$source”', (row) => {
    const sentence = annotation.sentences.find((item) => item.text.startsWith(row.sentence))
    expect(sentence, row.sentence).toBeDefined()
    expect(sentence!.kind).toBe('body')
    expect(sentence!.attributions).toHaveLength(1)
    const [attribution] = sentence!.attributions
    const {more, ...content} = attribution!.content
    expect({
      source: attribution!.source?.text ?? null,
      type: attribution!.source?.type,
      anonymous: attribution!.source?.anonymous,
      basis: attribution!.source?.basis?.text ?? null,
      cue: attribution!.cue.text,
      content: [content, ...(more ?? [])].map((span) => span.text)
    }).toEqual({
      source: row.source,
      type: row.type,
      anonymous: row.anonymous,
      basis: row.basis,
      cue: row.cue,
      content: row.content
    })
  })

  it('finds no other attributions', () => {
    expect(annotation.counts.attributions).toBe(rows.length)
  })

  it('has 9 body sentences, 8 furniture sentences and the BEIJING dateline', () => {
    const kinds = annotation.sentences.map((sentence) => sentence.kind)
    expect(kinds.filter((kind) => kind === 'body')).toHaveLength(9)
    expect(kinds.filter((kind) => kind === 'furniture')).toHaveLength(8)
    expect(annotation.article.dateline).toEqual({text: 'BEIJING', start: 0, end: 7})
    expect(annotation.sentences[0]).toMatchObject({kind: 'dateline', text: 'BEIJING —'})
    expect(annotation.sentences[1]!.text.startsWith('China is counting')).toBe(true)
  })

  it('marks everything from “An expanded version of this report…” to the end as furniture', () => {
    const first = annotation.sentences.findIndex((sentence) => sentence.text.startsWith('An expanded version'))
    const tail = annotation.sentences.slice(first)
    expect(tail.map((sentence) => [sentence.furniture, sentence.text])).toEqual([
      ['promo', 'An expanded version of this report appears on WSJ.com.'],
      ['navigation', 'Also popular on WSJ.com:'],
      ['related-headline', 'Airbus to retire the A380, the superjumbo that never quite took off.'],
      ['related-headline', 'Venezuela’s Maduro shows no sign of leaving.'],
      ['related-headline', 'Now what?'],
      ['newsletter', 'Want news about Asia delivered to your inbox?'],
      ['newsletter', "Subscribe to MarketWatch's free Asia Daily newsletter."],
      ['newsletter', 'Sign up here.']
    ])
    expect(tail.every((sentence) => sentence.kind === 'furniture' && sentence.attributions.length === 0)).toBe(true)
    expect(annotation.sentences.slice(0, first).every((sentence) => sentence.kind !== 'furniture')).toBe(true)
  })

  it('writes spans whose offsets slice the original text exactly', () => {
    const spans = allSpans(annotation)
    expect(spans.length).toBeGreaterThan(40)
    for (const span of spans) expect(text.slice(span.start, span.end), span.where).toBe(span.text)
  })

  it('gives lines and columns that agree with the offsets', () => {
    const lines = text.split('\n')
    for (const sentence of annotation.sentences) {
      for (const point of [sentence.start, sentence.end]) {
        const lineStart = lines.slice(0, point.line - 1).reduce((sum, line) => sum + line.length + 1, 0)
        expect(lineStart + point.column - 1, sentence.id).toBe(point.offset)
      }
    }
  })
})
