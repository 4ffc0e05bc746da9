import {describe, expect, it} from 'vitest'
import {type CueKind, type FailureArticle, attributionFailures, createCueClassifier, cueContext, failureCounts, shorten} from '../pipeline/eval/failures.ts'
import type {GoldAttribution, GoldSpan} from '../pipeline/eval/score.ts'

/** The span of `part` in `text`, its nth occurrence (from 0). */
function spanOf(text: string, part: string, nth = 0): GoldSpan {
  let start = -1
  for (let index = 0; index <= nth; index++) start = text.indexOf(part, start + 1)
  if (start === -1) throw new Error(`${JSON.stringify(part)} is not in ${JSON.stringify(text)}`)
  return {start, end: start + part.length, text: part}
}

/** An attribution of `text` from the text of its roles; an empty string leaves the role out. */
function attribution(text: string, source: string, cue: string | [string, number], content: string | string[]): GoldAttribution {
  const [cueText, nth] = typeof cue === 'string' ? [cue, 0] : cue
  return {
    source: source === '' ? [] : [spanOf(text, source)],
    cue: cueText === '' ? [] : [spanOf(text, cueText, nth)],
    content: (typeof content === 'string' ? [content] : content).filter(Boolean).map((part) => spanOf(text, part))
  }
}

describe('cue kinds', () => {
  const classify = createCueClassifier()
  // The cue in brackets, its kind and head word.
  const cases: Array<[string, CueKind, string]> = [
    ['Prices will rise, the minister [said Friday].', 'speech verb', 'said'],
    ['The minister [has also said] that prices will rise.', 'speech verb', 'said'],
    ['Trump [claims] fraud.', 'speech verb', 'claims'],
    ['She [pointed to] the data.', 'speech verb', 'pointed to'],
    ['Leaders [call] for calm.', 'speech verb', 'call'],
    ['Voters [want] lower taxes.', 'belief/intention', 'want'],
    ['Smith [is expected to] win.', 'belief/intention', 'expected'],
    ['Aides [worried about] costs.', 'belief/intention', 'worried about'],
    ['The poll [shows] gains.', 'evidence', 'shows'],
    ['In a [statement], the firm denied it.', 'nominal', 'statement'],
    ['Trump’s [claims] about fraud were false.', 'nominal', 'claims'],
    ['The police’s [earlier claim] was wrong.', 'nominal', 'claim'],
    ["Obama['s decision] to go was late.", 'nominal', 'decision'],
    ["These days, he['s changed] his tune.", 'other (long tail)', 'changed'],
    ['[Her campaign has said] it will appeal.', 'speech verb', 'said'],
    ['[Her campaign’s statement] came late.', 'nominal', 'statement'],
    ['[According to] aides, prices rose.', 'according to', 'according to'],
    ['Prices rose. [―] Jane Doe', 'punctuation/dash', '―'],
    ['Analysts [:] prices rose.', 'punctuation/dash', ':'],
    ['Blige [sings] to Clinton.', 'other (long tail)', 'sings']
  ]

  it.each(cases)('%s is %s, head %s', (marked, kind, head) => {
    const start = marked.indexOf('[')
    const end = marked.indexOf(']') - 1
    const text = marked.replace('[', '').replace(']', '')
    expect(classify(text, [{start, end}])).toEqual({kind, head})
  })
})

describe('attributionFailures', () => {
  it('groups missed and spurious cues by kind, and counts a cue that ends too early', () => {
    const text = 'Prices will rise, the minister said Friday. Voters want lower taxes. The poll shows gains. Smith claims fraud.'
    const report = attributionFailures([
      {
        docId: 'd1',
        text,
        gold: [
          attribution(text, 'the minister', 'said Friday', 'Prices will rise'),
          attribution(text, 'Voters', 'want', 'lower taxes'),
          attribution(text, 'The poll', 'shows', 'gains')
        ],
        predicted: [attribution(text, 'the minister', 'said', 'Prices will rise,'), attribution(text, 'Smith', 'claims', 'fraud')]
      }
    ])
    expect(report).toMatchObject({gold: 3, predicted: 2, paired: 1, sharedCue: {gold: 0, predicted: 0}, withoutCue: {gold: 0, predicted: 0}})
    expect(report.missed.total).toBe(2)
    // Equal counts: alphabetical by kind.
    expect(report.missed.groups.map((group) => [group.kind, group.count, group.words])).toEqual([
      ['belief/intention', 1, [{word: 'want', count: 1}]],
      ['evidence', 1, [{word: 'shows', count: 1}]]
    ])
    expect(report.missed.groups[0]!.examples).toEqual([{docId: 'd1', cue: 'want', context: 'Voters [want] lower taxes.'}])
    expect(report.spurious.groups.map((group) => [group.kind, group.count, group.words])).toEqual([['speech verb', 1, [{word: 'claims', count: 1}]]])
    expect(report.cue).toMatchObject({compared: 1, exact: 0, counts: {startEarly: 0, startLate: 0, endEarly: 1, endLate: 0, piecesDiffer: 0}})
    expect(report.cue.examples.endEarly).toEqual([{docId: 'd1', cue: 'said Friday', gold: 'said Friday', predicted: 'said'}])
    // "Prices will rise," is exact once trimmed as the exact scores trim.
    expect(report.content).toMatchObject({compared: 1, exact: 1})
    expect(report.source).toMatchObject({compared: 1, exact: 1})
  })

  it('counts content and source errors by side, each side of a span once', () => {
    const first = 'The minister said that prices will rise in May and fall in June.'
    const second = '“We won,” Smith said, “and we will win again.” Officials said taxes rose. Aides said rates fell.'
    const articles: FailureArticle[] = [
      {
        docId: 'a',
        text: first,
        gold: [attribution(first, 'The minister', 'said', 'that prices will rise in May')],
        // Starts too late and ends too late; no source.
        predicted: [attribution(first, '', 'said', 'prices will rise in May and fall')]
      },
      {
        docId: 'b',
        text: second,
        gold: [
          attribution(second, 'Smith', 'said', ['We won', 'and we will win again']),
          attribution(second, 'Officials', ['said', 1], 'taxes rose'),
          attribution(second, '', ['said', 2], 'rates fell')
        ],
        predicted: [
          // Same ends as gold's two pieces, in one piece.
          attribution(second, 'Smith', 'said', 'We won,” Smith said, “and we will win again'),
          // No overlap with gold's content; a source that ends too early.
          attribution(second, 'Offic', ['said', 1], 'Aides said rates fell'),
          attribution(second, 'Aides', ['said', 2], 'rates')
        ]
      }
    ]
    const report = attributionFailures(articles)
    expect(report.paired).toBe(4)
    expect(report.missed.total + report.spurious.total).toBe(0)
    expect(report.content.compared).toBe(4)
    expect(report.content.exact).toBe(0)
    expect(report.content.counts).toEqual({startEarly: 0, startLate: 1, endEarly: 1, endLate: 1, piecesDiffer: 1, disjoint: 1, missing: 0, spurious: 0})
    expect(report.content.examples.startLate).toEqual([{docId: 'a', cue: 'said', gold: 'that prices will rise in May', predicted: 'prices will rise in May and fall'}])
    expect(report.content.examples.piecesDiffer[0]).toMatchObject({gold: 'We won | and we will win again', predicted: 'We won,” Smith said, “and we will win again'})
    expect(report.source.counts).toEqual({startEarly: 0, startLate: 0, endEarly: 1, endLate: 0, piecesDiffer: 0, disjoint: 0, missing: 1, spurious: 1})
    expect(report.source).toMatchObject({compared: 2, exact: 1})
    expect(failureCounts(report).content).toEqual({compared: 4, exact: 0, startEarly: 0, startLate: 1, endEarly: 1, endLate: 1, piecesDiffer: 1, disjoint: 1, missing: 0, spurious: 0})
  })

  it('tells a missed cue from one shared with a paired attribution, and compares marks-only cues as they are', () => {
    const text = 'Taxes will fall and rates will rise, officials said. Prices rose ― Jane Doe. Wages fell ― John Roe'
    const report = attributionFailures([
      {
        docId: 'd',
        text,
        gold: [
          attribution(text, 'officials', 'said', 'Taxes will fall'),
          attribution(text, 'officials', 'said', 'rates will rise'),
          attribution(text, 'Jane Doe', '―', 'Prices rose'),
          attribution(text, 'John Roe', ['―', 1], 'Wages fell'),
          attribution(text, '', '', 'Wages fell')
        ],
        predicted: [attribution(text, 'officials', 'said', 'Taxes will fall and rates will rise'), attribution(text, 'Jane Doe', '―', 'Prices rose')]
      }
    ])
    expect(report).toMatchObject({paired: 2, sharedCue: {gold: 1, predicted: 0}, withoutCue: {gold: 1, predicted: 0}})
    expect(report.missed.groups.map((group) => [group.kind, group.count, group.words])).toEqual([['punctuation/dash', 1, [{word: '―', count: 1}]]])
    expect(report.cue).toMatchObject({compared: 2, exact: 2})
    expect(report.content.counts.endLate).toBe(1)
  })

  it('lists head words by count, then alphabetically, and spreads its examples over the data', () => {
    const text = 'Aides want calm. Aides hope for calm. Aides want peace. Aides hope for peace. Aides fear war. Aides want rest.'
    const report = attributionFailures(
      [
        {
          docId: 'd',
          text,
          gold: [
            attribution(text, 'Aides', 'want', 'calm'),
            attribution(text, 'Aides', 'hope', 'calm'),
            attribution(text, 'Aides', ['want', 1], 'peace'),
            attribution(text, 'Aides', ['hope', 1], 'peace'),
            attribution(text, 'Aides', 'fear', 'war'),
            attribution(text, 'Aides', ['want', 2], 'rest')
          ],
          predicted: []
        }
      ],
      {examples: 2, words: 2}
    )
    const [group] = report.missed.groups
    expect(group!.words).toEqual([
      {word: 'want', count: 3},
      {word: 'hope', count: 2}
    ])
    expect(group!.examples.map((example) => example.context)).toEqual(['Aides [want] calm.', 'Aides [hope] for peace.'])
  })
})

describe('example text', () => {
  it('keeps the cue within its sentence and line', () => {
    const text = 'Prices rose. Sen. Smith said Friday that they will fall.\nNext line.'
    const cue = spanOf(text, 'said')
    expect(cueContext(text, [cue])).toBe('Sen. Smith [said] Friday that they will fall.')
    // Cut by the width, not at "Sen.", whose "en." looks like the end of a sentence.
    expect(cueContext(text, [cue], 10)).toBe('…en. Smith [said] Friday th…')
  })

  it('shortens long text in the middle, so both edges show', () => {
    expect(shorten('a  b')).toBe('a b')
    expect(shorten('abcdefghij'.repeat(3), 13)).toBe('abcde … fghij')
  })
})
