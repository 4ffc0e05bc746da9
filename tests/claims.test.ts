import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyze} from './helpers.ts'

const seedText = readFileSync(new URL('../seeds/us-china-trade-talks.txt', import.meta.url), 'utf8')
const seed = analyze(seedText, 'seeds/us-china-trade-talks.txt').annotation

describe('claims on the seed', () => {
  const semiconductor = seed.sentences.find((sentence) => sentence.text.startsWith('For instance, China’s top'))!

  it('finds the semiconductor sentence’s quantities, normalised, with exact offsets', () => {
    expect(semiconductor.claim.quantities).toEqual([
      {text: 'over six years', start: 918, end: 932, kind: 'duration', value: 6, unit: 'year', bound: 'over', baseline: null},
      {text: '$200 billion', start: 936, end: 948, kind: 'money', value: 200_000_000_000, unit: 'USD', bound: null, baseline: null},
      {
        text: 'five times that of current exports',
        start: 1010,
        end: 1044,
        kind: 'multiplier',
        value: 5,
        unit: null,
        bound: null,
        baseline: {text: 'that of current exports', start: 1021, end: 1044}
      }
    ])
    for (const quantity of semiconductor.claim.quantities) expect(seedText.slice(quantity.start, quantity.end)).toBe(quantity.text)
    expect(semiconductor.claim.types[0]).toBe('quantity/comparison')
  })

  it('scores it above every other sentence, and furniture 0', () => {
    const others = seed.sentences.filter((sentence) => sentence !== semiconductor)
    expect(others.every((sentence) => sentence.claim.score < semiconductor.claim.score)).toBe(true)
    const furniture = seed.sentences.filter((sentence) => sentence.kind === 'furniture')
    expect(furniture).toHaveLength(8)
    expect(furniture.every((sentence) => sentence.claim.score === 0 && sentence.claim.types[0] === 'not-a-claim')).toBe(true)
  })

  it('flags no hedge in "over six years" nor in "that" as a determiner', () => {
    expect(semiconductor.claim.hedges).toEqual([])
    expect(seed.sentences.flatMap((sentence) => sentence.claim.hedges)).toEqual([])
  })
})

/** [sentence, expected quantities as [text, kind, value, unit, bound]] */
const quantities: Array<[string, Array<[string, string, number | null, string | null, string | null]>]> = [
  ['The deficit reached £3.4bn last year.', [['£3.4bn', 'money', 3.4e9, 'GBP', null], ['last year', 'date', null, null, null]]],
  ['Unemployment fell 0.3 percentage points to 4.1%.', [['0.3 percentage points', 'percentage-points', 0.3, 'percentage point', null], ['4.1%', 'percent', 4.1, '%', null]]],
  ['More than 84,121 votes were cast.', [['More than 84,121 votes', 'count', 84_121, 'votes', 'more than']]],
  ['Two dozen people were hurt on Thursday.', [['Two dozen people', 'count', 24, 'people', null], ['Thursday', 'date', null, null, null]]],
  ['Exports doubled, to about 12 per cent of output.', [['doubled', 'multiplier', 2, null, null], ['about 12 per cent', 'percent', 12, '%', 'about']]],
  ['The fund lost €40 million within three months.', [['€40 million', 'money', 4e7, 'EUR', null], ['within three months', 'duration', 3, 'month', 'within']]],
  ['The vote is set for Feb. 14, 2027.', [['Feb. 14, 2027', 'date', null, null, null]]],
  ['Nobody knows what comes next.', []]
]

describe('quantities', () => {
  it.each(quantities)('%s', (sentence, expected) => {
    const {annotation} = analyze(sentence)
    const found = annotation.sentences.flatMap((item) => item.claim.quantities)
    expect(found.map((quantity) => [quantity.text, quantity.kind, quantity.value, quantity.unit, quantity.bound])).toEqual(expected)
    for (const quantity of found) expect(sentence.slice(quantity.start, quantity.end)).toBe(quantity.text)
  })
})

const hedged: Array<[string, string[]]> = [
  ['The plant may close next year, officials said.', ['may']],
  ['About 300 people reportedly attended.', ['About', 'reportedly']],
  ['They talked about the budget over six years.', []],
  ['That plan is what they proposed.', []]
]

describe('hedges', () => {
  it.each(hedged)('%s', (sentence, expected) => {
    const {annotation} = analyze(sentence)
    expect(annotation.sentences.flatMap((item) => item.claim.hedges.map((hedge) => hedge.text))).toEqual(expected)
  })
})

describe('claim types and scores', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Is the economy growing?', 'not-a-claim', false],
    ['I think we should do better.', 'not-a-claim', false],
    ['Unemployment rose to 7.8% in 2009, the highest in 26 years.', 'quantity/ranking', true],
    ['The law, passed in 2019, bans smoking in bars.', 'rules-laws', true],
    ['Prices will rise by 4% next year, the bank forecast.', 'quantity/change', true]
  ]
  it.each(cases)('%s → %s', (sentence, type, claim) => {
    const {annotation} = analyze(sentence)
    const body = annotation.sentences.find((item) => item.kind === 'body')!
    expect(body.claim.types).toContain(type)
    expect(body.claim.score >= 0.5).toBe(claim)
  })
})
