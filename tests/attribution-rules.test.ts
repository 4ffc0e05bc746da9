import {describe, expect, it} from 'vitest'
import {rulePriority} from '../pipeline/attribution/index.ts'
import type {Attribution} from '../pipeline/types.ts'
import {VFile} from 'vfile'
import {createAnalyzer} from '../pipeline/processor.ts'

/** The rules alone, without the tagger that decides among them: these are the rules' own tables. */
const rulesAlone = createAnalyzer({attributionModel: {model: null}})
function analyze(text: string): {text: string; attributions: Attribution[]} {
  const file = new VFile({value: text})
  rulesAlone.runSync(rulesAlone.parse(file), file)
  return {text, attributions: file.data.attributions ?? []}
}

/**
 * One table per rule family (pipeline/attribution/rules/): sentences the rule
 * reads, with exactly what THAT rule finds in each (source, cue, content as
 * span texts), and sentences it must not fire on. Other rules may find more
 * in the same sentence; only the attributions of the family's rule are
 * compared.
 *
 * The sentences were written for this table; they are not taken from any
 * evaluation set.
 */

type Rule = (typeof rulePriority)[number]

interface Found {
  source: string | null
  cue: string
  content: string[]
}

interface Case {
  sentence: string
  expected: Found[]
}

function project(attribution: Attribution): Found {
  return {source: attribution.source?.text ?? null, cue: attribution.cue.text, content: attribution.content.map((span) => span.text)}
}

/** Every span whose offsets do not cut out its text. */
function offsetMismatches(text: string, attributions: Attribution[]): string[] {
  const problems: string[] = []
  for (const attribution of attributions) {
    const spans = [attribution.cue, ...attribution.content, ...(attribution.source ? [attribution.source] : [])]
    for (const span of spans) {
      if (text.slice(span.start, span.end) !== span.text) problems.push(`${span.text} [${span.start}, ${span.end}]`)
    }
  }
  return problems
}

const families: Array<[Rule, string, Case[]]> = [
  [
    'according-to',
    'according-to.ts',
    [
      {
        sentence: 'Job openings fell in March, according to the Labor Department.',
        expected: [{source: 'the Labor Department', cue: 'according to', content: ['Job openings fell in March']}]
      },
      {
        sentence: 'According to two people briefed on the talks, the deal could be signed by Friday.',
        expected: [{source: 'two people briefed on the talks', cue: 'According to', content: ['the deal could be signed by Friday']}]
      },
      {
        sentence: 'Ad spending will rise this year, as reported by the trade journal Variety.',
        expected: [{source: 'the trade journal Variety', cue: 'as reported by', content: ['Ad spending will rise this year']}]
      },
      {sentence: 'The bridge was finished according to plan.', expected: []}
    ]
  ],
  [
    'survey',
    'survey.ts',
    [
      {
        sentence: 'In a CNN poll released Monday, Clinton led by 8 points.',
        expected: [{source: 'a CNN poll released Monday', cue: 'In', content: ['Clinton led by 8 points']}]
      },
      {
        sentence: 'In a CNN poll released Monday, Clinton led by 8 points among likely voters.',
        expected: [{source: 'a CNN poll released Monday', cue: 'In', content: ['Clinton led by 8 points among likely voters']}]
      },
      // A poll followed by what it is about, not how it was made, is no source.
      {sentence: 'In polls about the war he has argued for a faster withdrawal.', expected: []}
    ]
  ],
  [
    'postposed',
    'postposed.ts',
    [
      {
        sentence: '“We will win,” the senator said on Monday.',
        expected: [{source: 'the senator', cue: 'said', content: ['We will win']}]
      },
      {
        sentence: 'The plant will close in June, said Maria Lopez, a spokeswoman for the company.',
        expected: [{source: 'Maria Lopez, a spokeswoman for the company', cue: 'said', content: ['The plant will close in June']}]
      },
      // The appositive variant: a name, then its appositive, then the verb.
      {
        sentence: '“This is not over,” Jeff Weaver, Sanders’ campaign manager, said in a statement.',
        expected: [{source: 'Jeff Weaver, Sanders’ campaign manager', cue: 'said', content: ['This is not over']}]
      },
      {sentence: 'The senator said on Monday that the plant will close.', expected: []}
    ]
  ],
  [
    'participial',
    'participial.ts',
    [
      {
        sentence: 'Denying the report, the ministry said it had never met the envoy.',
        expected: [{source: 'the ministry', cue: 'Denying', content: ['the report']}]
      },
      {
        sentence: 'Praising the deal, the union leaders urged members to vote yes.',
        expected: [{source: 'the union leaders', cue: 'Praising', content: ['the deal']}]
      },
      {sentence: 'Walking to the car, the senator waved at the crowd.', expected: []}
    ]
  ],
  [
    'preposed',
    'preposed.ts',
    [
      {
        sentence: 'The mayor said on Tuesday that the budget would be balanced.',
        expected: [{source: 'The mayor', cue: 'said', content: ['the budget would be balanced']}]
      },
      {
        sentence: 'A spokesman for the ministry, who spoke on condition of anonymity, said the talks had stalled.',
        expected: [{source: 'A spokesman for the ministry, who spoke on condition of anonymity', cue: 'said', content: ['the talks had stalled']}]
      },
      {
        sentence: 'The minister told reporters the deal was close.',
        expected: [{source: 'The minister', cue: 'told', content: ['the deal was close']}]
      },
      // The "as" clause.
      {
        sentence: 'As The Times reported on Saturday, the company has hired a new lawyer.',
        expected: [{source: 'The Times', cue: 'reported', content: ['the company has hired a new lawyer']}]
      },
      // "see" reports a view only with "as".
      {sentence: 'Officials see progress in the talks.', expected: []}
    ]
  ],
  [
    'passive',
    'passive.ts',
    [
      {
        sentence: 'The story was first reported by the Boston Globe.',
        expected: [{source: 'the Boston Globe', cue: 'was first reported', content: ['The story']}]
      },
      {
        sentence: 'The senator has been criticized by some of her rivals for missing the vote.',
        expected: [{source: 'some of her rivals', cue: 'has been criticized', content: ['The senator', 'for missing the vote']}]
      },
      {sentence: 'The singer was being praised by fans after the show.', expected: []}
    ]
  ],
  [
    'nominal',
    'nominal.ts',
    [
      {
        sentence: 'Beijing’s insistence that the island is part of its territory has not changed.',
        expected: [{source: 'Beijing', cue: 'insistence', content: ['the island is part of its territory']}]
      },
      {
        sentence: 'The talks stalled over pledges Beijing has made to buy more soybeans.',
        expected: [{source: 'Beijing', cue: 'pledges', content: ['to buy more soybeans']}]
      },
      // Possessed nouns of stance.
      {
        sentence: 'Despite his attacks on the council, the mayor won a second term.',
        expected: [{source: 'his', cue: 'attacks on', content: ['the council']}]
      },
      {
        sentence: 'After Sanders’s criticism of the deal, the vote was delayed.',
        expected: [{source: 'Sanders’s', cue: 'criticism of', content: ['the deal']}]
      },
      {sentence: 'The claims were investigated last year.', expected: []}
    ]
  ],
  [
    'colon',
    'colon.ts',
    [
      {
        sentence: 'Macron on Twitter: We will not give in to threats.',
        expected: [{source: 'Macron', cue: ':', content: ['We will not give in to threats']}]
      },
      {sentence: 'Note: This story has been updated to include new figures.', expected: []},
      {sentence: 'Kasich: Now or never.', expected: []}
    ]
  ],
  [
    'asked',
    'asked.ts',
    [
      {
        sentence: 'Asked whether he would run again, the governor laughed.',
        expected: [{source: null, cue: 'Asked', content: ['whether he would run again']}]
      },
      {
        sentence: 'The mayor, when asked about the deficit, said the city would cut spending.',
        expected: [{source: null, cue: 'asked', content: ['about the deficit']}]
      },
      {sentence: 'She asked the waiter for water.', expected: []}
    ]
  ],
  [
    'raising',
    'raising.ts',
    [
      {
        sentence: 'The vote is expected to pass on Thursday.',
        expected: [{source: null, cue: 'is expected', content: ['The vote', 'to pass on Thursday']}]
      },
      {
        sentence: 'Trump seemed to acknowledge that he had lost.',
        expected: [{source: null, cue: 'seemed', content: ['Trump', 'to acknowledge that he had lost']}]
      },
      {
        sentence: 'The team seemed paralyzed for most of the game.',
        expected: [{source: null, cue: 'seemed', content: ['The team', 'paralyzed for most of the game']}]
      },
      // A place after the verb is no predicate.
      {sentence: 'The mayor appeared in court on Monday.', expected: []}
    ]
  ],
  [
    'hearsay',
    'hearsay.ts',
    [
      {
        sentence: 'The FBI is reportedly making arrangements to interview the aide.',
        expected: [{source: null, cue: 'reportedly', content: ['The FBI is', 'making arrangements to interview the aide']}]
      },
      {
        sentence: 'Officials are reportedly weighing new sanctions against the regime.',
        expected: [{source: null, cue: 'reportedly', content: ['Officials are', 'weighing new sanctions against the regime']}]
      },
      // Before a cue verb the adverb is the cue's ("reportedly told").
      {sentence: 'The minister reportedly told aides he would resign.', expected: []}
    ]
  ],
  [
    'participle',
    'participle.ts',
    [
      {
        sentence: 'The bill is dead, he said, adding that the vote would not be held.',
        expected: [{source: 'he', cue: 'adding', content: ['the vote would not be held']}]
      },
      {
        sentence: 'The governor signed the law on Monday, saying it would protect workers.',
        expected: [{source: 'The governor', cue: 'saying', content: ['it would protect workers']}]
      },
      {
        sentence: 'He stood up, saying he had heard enough.',
        expected: [{source: 'He', cue: 'saying', content: ['he had heard enough']}]
      },
      {sentence: 'The governor signed the law on Monday and flew to Chicago.', expected: []}
    ]
  ]
]

describe('attribution rules, one family at a time', () => {
  it('covers every rule', () => {
    expect(families.map(([rule]) => rule).sort()).toEqual([...rulePriority].sort())
  })

  for (const [rule, module, cases] of families) {
    describe(`${rule} (rules/${module})`, () => {
      for (const {sentence, expected} of cases) {
        it(sentence, () => {
          const {text, attributions} = analyze(sentence)
          expect(attributions.filter((attribution) => attribution.rule === rule).map(project)).toEqual(expected)
          expect(offsetMismatches(text, attributions)).toEqual([])
        })
      }
    })
  }
})
