import {describe, expect, it} from 'vitest'
import {attributionMetrics, averagePrecision, boundaries, prf, scoreAttributions, scoreSbdCase, trimSpan} from '../pipeline/eval/score.ts'
import type {GoldAttribution, GoldSpan} from '../pipeline/eval/score.ts'

describe('sentence boundary scoring', () => {
  it('finds boundaries as the offsets where sentences after the first start', () => {
    expect(boundaries('A b. C d.  E f.', ['A b.', 'C d.', ' E f. '])).toEqual([5, 11])
  })

  it('scores a case by hand', () => {
    // Gold boundaries 5 and 10; predicted only 10: P = 1/1, R = 1/2, F1 = 2·1·0.5/1.5 = 2/3.
    const counts = scoreSbdCase({id: 1, input: 'A b. C d. E f.', expected: ['A b.', 'C d.', 'E f.']}, ['A b. C d.', 'E f.'])
    expect(counts).toEqual({passed: 0, total: 1, truePositives: 1, predicted: 1, gold: 2})
    const scores = prf(counts.truePositives, counts.predicted, counts.gold)
    expect(scores.precision).toBe(1)
    expect(scores.recall).toBe(0.5)
    expect(scores.f1).toBeCloseTo(2 / 3, 10)
  })

  it('passes a case only when every trimmed sentence is equal', () => {
    expect(scoreSbdCase({id: 1, input: 'A b.  C d.', expected: ['A b.', 'C d.']}, ['A b. ', ' C d.']).passed).toBe(1)
    expect(scoreSbdCase({id: 1, input: 'A b. C d.', expected: ['A b.', 'C d.']}, ['A b. C d.']).passed).toBe(0)
  })
})

describe('attribution scoring', () => {
  const text = 'Officials said prices rose. "We won," Smith said.'
  const at = (part: string, from = 0): GoldSpan => {
    const start = text.indexOf(part, from)
    if (start === -1) throw new Error(part)
    return {start, end: start + part.length, text: part}
  }
  const second = text.indexOf('"')
  const gold: GoldAttribution[] = [
    {source: [at('Officials')], cue: [at('said')], content: [at('prices rose')]},
    {source: [at('Smith')], cue: [at('said', second)], content: [at('We won')]}
  ]
  const predicted: GoldAttribution[] = [
    // Exact once punctuation is trimmed.
    {source: [at('Officials')], cue: [at('said')], content: [at('prices rose.')]},
    // Content only overlaps.
    {source: [at('Smith')], cue: [at('said', second)], content: [at('won')]},
    // Spurious, with no source.
    {source: [], cue: [at('rose')], content: [at('prices')]}
  ]

  it('trims punctuation and quote marks at both ends', () => {
    expect(trimSpan('“Hello,” he', {start: 0, end: 8})).toEqual({start: 1, end: 6})
    expect(trimSpan('...', {start: 0, end: 3})).toBeNull()
  })

  it('scores roles and whole attributions as computed by hand', () => {
    const metrics = attributionMetrics(scoreAttributions(text, predicted, gold))
    // source: 2 predicted (one has none), 2 gold, 2 exact.
    expect(metrics.exact.source).toEqual({precision: 1, recall: 1, f1: 1})
    // cue: 3 predicted, 2 gold, 2 exact: P 2/3, R 1, F1 0.8.
    expect(metrics.exact.cue.precision).toBeCloseTo(2 / 3, 10)
    expect(metrics.exact.cue.recall).toBe(1)
    expect(metrics.exact.cue.f1).toBeCloseTo(0.8, 10)
    // content exact: only the first: P 1/3, R 1/2, F1 0.4.
    expect(metrics.exact.content.precision).toBeCloseTo(1 / 3, 10)
    expect(metrics.exact.content.recall).toBe(0.5)
    expect(metrics.exact.content.f1).toBeCloseTo(0.4, 10)
    // content overlap, one-to-one by largest overlap: the spurious "prices" loses gold 1 to
    // "prices rose." (11 shared characters against 6): 2 matched, P 2/3, R 1, F1 0.8.
    expect(metrics.overlap.content.precision).toBeCloseTo(2 / 3, 10)
    expect(metrics.overlap.content.recall).toBe(1)
    // Whole: pairs by cue are (1, 1) and (2, 2); strict 1 of them, lenient both.
    expect(metrics.strict.precision).toBeCloseTo(1 / 3, 10)
    expect(metrics.strict.recall).toBe(0.5)
    expect(metrics.lenient.precision).toBeCloseTo(2 / 3, 10)
    expect(metrics.lenient.recall).toBe(1)
    expect(metrics.attributions).toEqual({predicted: 3, gold: 2})
  })

  it('counts a source found where gold has none as a lenient miss', () => {
    const goldNoSource: GoldAttribution[] = [{source: [], cue: [at('said')], content: [at('prices rose')]}]
    const metrics = attributionMetrics(scoreAttributions(text, [predicted[0]!], goldNoSource))
    expect(metrics.lenient.recall).toBe(0)
    expect(metrics.exact.cue.f1).toBe(1)
    // A source predicted where gold has none is a false positive for the source role.
    expect(metrics.exact.source).toEqual({precision: 0, recall: 0, f1: 0})
  })

  it('matches a discontinuous role only with the same spans', () => {
    const split: GoldAttribution[] = [{source: [at('Smith')], cue: [at('said', second)], content: [at('We'), at('won')]}]
    const joined: GoldAttribution[] = [{source: [at('Smith')], cue: [at('said', second)], content: [at('We won')]}]
    const metrics = attributionMetrics(scoreAttributions(text, joined, split))
    expect(metrics.exact.content.f1).toBe(0)
    expect(metrics.overlap.content.f1).toBe(1)
  })
})

describe('average precision', () => {
  it('is computed by hand on a small ranking', () => {
    // Ranked: 0.9 (+), 0.8 (−), 0.7 (+), 0.1 (+): precisions at the positives 1/1, 2/3, 3/4.
    const items = [
      {score: 0.1, label: true},
      {score: 0.9, label: true},
      {score: 0.7, label: true},
      {score: 0.8, label: false}
    ]
    expect(averagePrecision(items)).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 10)
    expect(averagePrecision([{score: 1, label: false}])).toBe(0)
  })
})
