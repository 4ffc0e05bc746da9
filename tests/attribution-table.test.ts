import {describe, expect, it} from 'vitest'
import type {Attribution, SourceType} from '../pipeline/types.ts'
import {VFile} from 'vfile'
import {createAnalyzer} from '../pipeline/processor.ts'
import {analyze} from './helpers.ts'

/**
 * Table of single-sentence news articles and the attributions the pipeline
 * should find in them, compared as span texts. Offsets are checked separately:
 * every span returned must be the slice of the text it claims to be.
 *
 * The sentences were written for this table; they are not taken from any
 * evaluation set.
 */

/** What a test expects of one attribution, and what it compares the pipeline's output with. */
interface Projection {
  source: string | null
  type: SourceType | null
  anonymous: boolean | null
  basis: string | null
  cue: string
  content: string[]
}

interface Case {
  sentence: string
  expected: Projection[]
}

function project(attribution: Attribution): Projection {
  const source = attribution.source
  return {
    source: source?.text ?? null,
    type: source?.type ?? null,
    anonymous: source?.anonymous ?? null,
    basis: source?.basis?.text ?? null,
    cue: attribution.cue.text,
    content: attribution.content.map((span) => span.text)
  }
}

/** Every span of the attributions whose offsets do not cut out its text. */
function offsetMismatches(text: string, attributions: Attribution[]): string[] {
  const problems: string[] = []
  const check = (where: string, span: {text: string; start: number; end: number}): void => {
    const slice = text.slice(span.start, span.end)
    if (slice !== span.text) problems.push(`${where} [${span.start}, ${span.end}]: ${JSON.stringify(span.text)} but text has ${JSON.stringify(slice)}`)
  }
  attributions.forEach((attribution, index) => {
    check(`a${index + 1} cue`, attribution.cue)
    attribution.content.forEach((span, part) => check(`a${index + 1} content[${part}]`, span))
    if (attribution.source) {
      check(`a${index + 1} source`, attribution.source)
      if (attribution.source.basis) check(`a${index + 1} basis`, attribution.source.basis)
    }
  })
  return problems
}

// --- "according to" ----------------------------------------------------------

const accordingTo: Case[] = [
  {
    sentence: 'Ad spending on local television will top $4 billion this year, according to Karen Ruiz, an analyst at Borrell Associates.',
    expected: [
      {
        source: 'Karen Ruiz, an analyst at Borrell Associates',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'according to',
        content: ['Ad spending on local television will top $4 billion this year']
      }
    ]
  },
  {
    sentence:
      'According to a report released Tuesday by the Labor Department, job openings fell to their lowest level in three years.',
    expected: [
      {
        source: 'a report released Tuesday by the Labor Department',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'According to',
        content: ['job openings fell to their lowest level in three years']
      }
    ]
  },
  {
    sentence: 'Global smartphone shipments fell 12% in the third quarter, according to data from research firm Canalys.',
    expected: [
      {
        source: 'data from research firm Canalys',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'according to',
        content: ['Global smartphone shipments fell 12% in the third quarter']
      }
    ]
  },
  {
    sentence: 'The two companies have held preliminary talks about a merger, according to people familiar with the matter.',
    expected: [
      {
        source: 'people familiar with the matter',
        type: 'unnamed-group',
        anonymous: true,
        basis: 'familiar with the matter',
        cue: 'according to',
        content: ['The two companies have held preliminary talks about a merger']
      }
    ]
  },
  {
    sentence: 'The bank, according to two people briefed on the plan, intends to cut about 3,000 jobs by the end of the year.',
    expected: [
      {
        source: 'two people briefed on the plan',
        type: 'unnamed-group',
        anonymous: true,
        basis: 'briefed on the plan',
        cue: 'according to',
        content: ['The bank', 'intends to cut about 3,000 jobs by the end of the year']
      }
    ]
  },
  {
    sentence: 'According to the Commerce Ministry, exports rose 8.5% in May from a year earlier.',
    expected: [
      {
        source: 'the Commerce Ministry',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'According to',
        content: ['exports rose 8.5% in May from a year earlier']
      }
    ]
  },
  {
    sentence:
      'The fire started in an electrical panel on the third floor, according to a senior fire department official with knowledge of the investigation.',
    expected: [
      {
        source: 'a senior fire department official with knowledge of the investigation',
        type: 'unnamed-person',
        anonymous: true,
        basis: 'with knowledge of the investigation',
        cue: 'according to',
        content: ['The fire started in an electrical panel on the third floor']
      }
    ]
  },
  {
    sentence: 'Tesla is preparing to recall about 120,000 vehicles sold in China, according to Reuters.',
    expected: [
      {
        source: 'Reuters',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'according to',
        content: ['Tesla is preparing to recall about 120,000 vehicles sold in China']
      }
    ]
  },
  {
    sentence: 'According to Health Minister Mark Holland, wait times in emergency rooms have doubled since 2019.',
    expected: [
      {
        source: 'Health Minister Mark Holland',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'According to',
        content: ['wait times in emergency rooms have doubled since 2019']
      }
    ]
  },
  {
    sentence: 'According to the filing, the company had $2.1 billion in cash at the end of March.',
    expected: [
      {
        source: 'the filing',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'According to',
        content: ['the company had $2.1 billion in cash at the end of March']
      }
    ]
  },
  {
    sentence: 'For instance, hospital admissions fell by a third last winter, according to the report.',
    expected: [
      {
        source: 'the report',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'according to',
        content: ['hospital admissions fell by a third last winter']
      }
    ]
  },
  {
    sentence: 'Ticket sales, according to the organisers, have already surpassed last year’s total.',
    expected: [
      {
        source: 'the organisers',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'according to',
        content: ['Ticket sales', 'have already surpassed last year’s total']
      }
    ]
  },
  {
    sentence:
      'The president is expected to sign the order on Friday, according to an administration official who spoke on condition of anonymity.',
    expected: [
      {
        source: 'an administration official who spoke on condition of anonymity',
        type: 'unnamed-person',
        anonymous: true,
        basis: 'who spoke on condition of anonymity',
        cue: 'according to',
        content: ['The president is expected to sign the order on Friday']
      }
    ]
  },
  {
    sentence:
      'According to the latest figures from the National Bureau of Statistics, industrial output grew 5.6% in April.',
    expected: [
      {
        source: 'the latest figures from the National Bureau of Statistics',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'According to',
        content: ['industrial output grew 5.6% in April']
      }
    ]
  }
]

// --- Postposed "…, SOURCE said." and inverted "…, said SOURCE." --------------

const postposed: Case[] = [
  {
    sentence: '“We were told nothing about the deal,” said Laura Pence, then ambassador to Chile.',
    expected: [
      {
        source: 'Laura Pence, then ambassador to Chile',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['We were told nothing about the deal']
      }
    ]
  },
  {
    sentence: '“We have the votes to pass it this week,” Rep. Dana Whitfield (D-Ore.) said.',
    expected: [
      {
        source: 'Rep. Dana Whitfield (D-Ore.)',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['We have the votes to pass it this week']
      }
    ]
  },
  {
    sentence: '“Our roads and bridges are crumbling," she said. "Families endure blackouts every summer."',
    expected: [
      {
        source: 'she',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['Our roads and bridges are crumbling', 'Families endure blackouts every summer']
      }
    ]
  },
  {
    sentence: 'Talks will resume next week in Geneva, a senior administration official said.',
    expected: [
      {
        source: 'a senior administration official',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'said',
        content: ['Talks will resume next week in Geneva']
      }
    ]
  },
  {
    sentence: '“We are not going to raise prices this year,” Chief Executive Mary Barra said.',
    expected: [
      {
        source: 'Chief Executive Mary Barra',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['We are not going to raise prices this year']
      }
    ]
  },
  {
    sentence: '"This is the worst drought we have seen in four decades," said Amina Mohammed, a farmer in northern Kenya.',
    expected: [
      {
        source: 'Amina Mohammed, a farmer in northern Kenya',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['This is the worst drought we have seen in four decades']
      }
    ]
  },
  {
    sentence: '“There is no evidence of widespread fraud,” said Attorney General William Barr.',
    expected: [
      {
        source: 'Attorney General William Barr',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['There is no evidence of widespread fraud']
      }
    ]
  },
  {
    sentence: 'The refinery will be back at full capacity by June, he added.',
    expected: [
      {
        source: 'he',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'added',
        content: ['The refinery will be back at full capacity by June']
      }
    ]
  },
  {
    sentence: 'We have done nothing wrong, she told reporters on Thursday.',
    expected: [
      {
        source: 'she',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['We have done nothing wrong']
      }
    ]
  },
  {
    sentence:
      'The recall covers about 50,000 vehicles built between 2019 and 2021, the company said in a statement.',
    expected: [
      {
        source: 'the company',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The recall covers about 50,000 vehicles built between 2019 and 2021']
      }
    ]
  },
  {
    sentence: 'Sales of existing homes dropped for a third straight month in October, a report released Tuesday showed.',
    expected: [
      {
        source: 'a report released Tuesday',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'showed',
        content: ['Sales of existing homes dropped for a third straight month in October']
      }
    ]
  },
  {
    sentence:
      'The company also faces a separate investigation by the Securities and Exchange Commission, the filing said.',
    expected: [
      {
        source: 'the filing',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The company also faces a separate investigation by the Securities and Exchange Commission']
      }
    ]
  },
  {
    sentence: 'Negotiators are close to a deal on agricultural tariffs, said one person familiar with the talks.',
    expected: [
      {
        source: 'one person familiar with the talks',
        type: 'unnamed-person',
        anonymous: true,
        basis: 'familiar with the talks',
        cue: 'said',
        content: ['Negotiators are close to a deal on agricultural tariffs']
      }
    ]
  },
  {
    sentence: '"Demand should recover in the second half," Chief Financial Officer Ana Lopez told Reuters.',
    expected: [
      {
        source: 'Chief Financial Officer Ana Lopez',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['Demand should recover in the second half']
      }
    ]
  },
  {
    sentence: '“The numbers speak for themselves,” Mr. Ortega said, “and they are not good.”',
    expected: [
      {
        source: 'Mr. Ortega',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The numbers speak for themselves', 'and they are not good']
      }
    ]
  },
  {
    sentence:
      'Inflation will return to the 2% target by the end of next year, Bank of England Governor Andrew Bailey said on Monday.',
    expected: [
      {
        source: 'Bank of England Governor Andrew Bailey',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['Inflation will return to the 2% target by the end of next year']
      }
    ]
  },
  {
    sentence: '“We will not be intimidated,” Prime Minister Mark Carney added.',
    expected: [
      {
        source: 'Prime Minister Mark Carney',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'added',
        content: ['We will not be intimidated']
      }
    ]
  },
  {
    sentence: '"The vaccine is safe and effective," the health ministry said in a statement.',
    expected: [
      {
        source: 'the health ministry',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The vaccine is safe and effective']
      }
    ]
  },
  {
    sentence: 'Chinese and American negotiators will meet again in Washington next month, Xinhua reported.',
    expected: [
      {
        source: 'Xinhua',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'reported',
        content: ['Chinese and American negotiators will meet again in Washington next month']
      }
    ]
  },
  {
    sentence: '“The labor market is cooling, but it is not collapsing,” said Diane Swonk, chief economist at KPMG.',
    expected: [
      {
        source: 'Diane Swonk, chief economist at KPMG',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The labor market is cooling, but it is not collapsing']
      }
    ]
  },
  {
    sentence: '“Turnout among young voters was far lower than in 2008,” said Marcia Delgado, director of the Civic Engagement Lab at Tufts University.',
    expected: [
      {
        source: 'Marcia Delgado, director of the Civic Engagement Lab at Tufts University',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['Turnout among young voters was far lower than in 2008']
      }
    ]
  },
  {
    sentence: '“The ruling changes nothing for us,” said Paul Okafor, senior counsel at the Liberty Law Project.',
    expected: [
      {
        source: 'Paul Okafor, senior counsel at the Liberty Law Project',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The ruling changes nothing for us']
      }
    ]
  },
  {
    sentence: '“I have never missed a primary,” said Ellen Marsh, then walked back to her car.',
    expected: [
      {
        source: 'Ellen Marsh',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['I have never missed a primary']
      }
    ]
  },
  {
    sentence: 'But the outlook remains uncertain, the central bank said.',
    expected: [
      {
        source: 'the central bank',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the outlook remains uncertain']
      }
    ]
  },
  {
    sentence: 'The economy added 250,000 jobs in October, the Labor Department said.',
    expected: [
      {
        source: 'the Labor Department',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The economy added 250,000 jobs in October']
      }
    ]
  },
  {
    sentence: '“We remain committed to the Chinese market,” said a spokeswoman for the carmaker.',
    expected: [
      {
        source: 'a spokeswoman for the carmaker',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'said',
        content: ['We remain committed to the Chinese market']
      }
    ]
  }
]

// --- Preposed "SOURCE said (that) …", "told reporters that …", object verbs ---

const preposed: Case[] = [
  {
    sentence: 'Senator Ellison, in a speech to farmers in Ames, said the tariffs had cost them dearly.',
    expected: [
      {
        source: 'Senator Ellison',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the tariffs had cost them dearly']
      }
    ]
  },
  {
    sentence: 'Rush Limbaugh, for one, said the nominee was a disaster.',
    expected: [
      {
        source: 'Rush Limbaugh',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the nominee was a disaster']
      }
    ]
  },
  {
    sentence: 'The Interior Ministry released a statement on Tuesday saying that the talks would resume in May.',
    expected: [
      {
        source: 'The Interior Ministry',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'released a statement on Tuesday saying',
        content: ['the talks would resume in May']
      }
    ]
  },
  {
    sentence: 'Senator Mark Ellison issued a statement saying the bill would hurt rural hospitals.',
    expected: [
      {
        source: 'Senator Mark Ellison',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'issued a statement saying',
        content: ['the bill would hurt rural hospitals']
      }
    ]
  },
  {
    sentence: 'The mayor released the audit on Friday, saying it showed no wrongdoing.',
    expected: [
      {
        source: 'The mayor',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'saying',
        content: ['it showed no wrongdoing']
      }
    ]
  },
  {
    sentence:
      'The Commerce Ministry said on Thursday that exports of rare earths would resume under a new licensing system.',
    expected: [
      {
        source: 'The Commerce Ministry',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['exports of rare earths would resume under a new licensing system']
      }
    ]
  },
  {
    sentence: 'Treasury Secretary Janet Yellen told reporters that the U.S. economy was not in a recession.',
    expected: [
      {
        source: 'Treasury Secretary Janet Yellen',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['the U.S. economy was not in a recession']
      }
    ]
  },
  {
    sentence: 'She warned that the company could run out of cash by the end of the year.',
    expected: [
      {
        source: 'She',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'warned',
        content: ['the company could run out of cash by the end of the year']
      }
    ]
  },
  {
    sentence: 'He said the decision to close the plant was made after months of review.',
    expected: [
      {
        source: 'He',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the decision to close the plant was made after months of review']
      }
    ]
  },
  {
    sentence: 'They argued that the new rules would raise costs for small farmers.',
    expected: [
      {
        source: 'They',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'argued',
        content: ['the new rules would raise costs for small farmers']
      }
    ]
  },
  {
    sentence:
      'A senior administration official told reporters on Friday that the sanctions would take effect immediately.',
    expected: [
      {
        source: 'A senior administration official',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'told',
        content: ['the sanctions would take effect immediately']
      }
    ]
  },
  {
    sentence: 'Officials familiar with the investigation said the suspect had bought the rifle legally.',
    expected: [
      {
        source: 'Officials familiar with the investigation',
        type: 'unnamed-group',
        anonymous: true,
        basis: 'familiar with the investigation',
        cue: 'said',
        content: ['the suspect had bought the rifle legally']
      }
    ]
  },
  {
    sentence: 'The European Commission has said it will open a formal investigation into the deal.',
    expected: [
      {
        source: 'The European Commission',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'has said',
        content: ['it will open a formal investigation into the deal']
      }
    ]
  },
  {
    sentence: 'Goldman Sachs Group Inc. said on Tuesday that it would cut about 3,200 jobs.',
    expected: [
      {
        source: 'Goldman Sachs Group Inc.',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['it would cut about 3,200 jobs']
      }
    ]
  },
  {
    sentence: 'Reuters reported on Wednesday that the two sides were close to an agreement.',
    expected: [
      {
        source: 'Reuters',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'reported',
        content: ['the two sides were close to an agreement']
      }
    ]
  },
  {
    sentence: 'The Kremlin has repeatedly denied that it interfered in the election.',
    expected: [
      {
        source: 'The Kremlin',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'has repeatedly denied',
        content: ['it interfered in the election']
      }
    ]
  },
  {
    sentence: 'Union leaders warned members that the strike could last for weeks.',
    expected: [
      {
        source: 'Union leaders',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'warned',
        content: ['the strike could last for weeks']
      }
    ]
  },
  {
    sentence: 'Defense Secretary Lloyd Austin told reporters at the Pentagon that no decision had been made.',
    expected: [
      {
        source: 'Defense Secretary Lloyd Austin',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['no decision had been made']
      }
    ]
  },
  {
    sentence: 'Finance Minister Chrystia Freeland said: “We will not raise taxes on working families.”',
    expected: [
      {
        source: 'Finance Minister Chrystia Freeland',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['We will not raise taxes on working families']
      }
    ]
  },
  {
    sentence: 'However, the ministry said that the ban would remain in place.',
    expected: [
      {
        source: 'the ministry',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the ban would remain in place']
      }
    ]
  },
  {
    sentence: 'They told investigators that the brakes had failed before the crash.',
    expected: [
      {
        source: 'They',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['the brakes had failed before the crash']
      }
    ]
  },
  {
    sentence: 'Environmental groups criticized the decision to expand drilling in the Arctic.',
    expected: [
      {
        source: 'Environmental groups',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'criticized',
        content: ['the decision to expand drilling in the Arctic']
      }
    ]
  },
  {
    sentence: 'Opposition lawmakers rejected the proposal on Wednesday.',
    expected: [
      {
        source: 'Opposition lawmakers',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'rejected',
        content: ['the proposal']
      }
    ]
  },
  {
    sentence: 'Prime Minister Narendra Modi praised the agreement as a historic step.',
    expected: [
      {
        source: 'Prime Minister Narendra Modi',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'praised',
        content: ['the agreement as a historic step']
      }
    ]
  }
]

// --- Nominal and participial cues ----------------------------------------------

const nominalAndParticipial: Case[] = [
  {
    sentence: 'The talks stalled over Washington’s demands that Tokyo open its rice market to American farmers.',
    expected: [
      {
        source: 'Washington',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'demands',
        content: ['Tokyo open its rice market to American farmers']
      }
    ]
  },
  {
    sentence: 'Investors remain skeptical of the promises Beijing has made to open its markets to foreign banks.',
    expected: [
      {
        source: 'Beijing',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'promises',
        content: ['to open its markets to foreign banks']
      }
    ]
  },
  {
    sentence: 'Beijing’s insistence that the island is part of its territory has not changed.',
    expected: [
      {
        source: 'Beijing',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'insistence',
        content: ['the island is part of its territory']
      }
    ]
  },
  {
    sentence: 'Having rejected the offer, union leaders are preparing for a strike.',
    expected: [
      {
        source: 'union leaders',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'rejected',
        content: ['the offer']
      }
    ]
  },
  {
    sentence: 'Denying any wrongdoing, former Mayor Joan Duffy said she would fight the charges in court.',
    expected: [
      {
        source: 'former Mayor Joan Duffy',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'Denying',
        content: ['any wrongdoing']
      },
      {
        source: 'former Mayor Joan Duffy',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['she would fight the charges in court']
      }
    ]
  }
]

// --- "SOURCE: content" -----------------------------------------------------------

const colon: Case[] = [
  {
    sentence: 'Sunak on immigration: “The boats must stop.”',
    expected: [
      {
        source: 'Sunak',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: ':',
        content: ['The boats must stop']
      }
    ]
  },
  {
    sentence: 'Macron on Twitter: “Europe must be able to defend itself.”',
    expected: [
      {
        source: 'Macron',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: ':',
        content: ['Europe must be able to defend itself']
      }
    ]
  },
  {
    sentence: 'Zelensky: Ukraine will not give up any territory.',
    expected: [
      {
        source: 'Zelensky',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: ':',
        content: ['Ukraine will not give up any territory']
      }
    ]
  }
]

// --- No attribution ---------------------------------------------------------------

const none: Case[] = [
  {sentence: 'The said property was sold at auction in 2019 for $1.2 million.', expected: []},
  {sentence: 'The company is said to be weighing a sale of its cloud division.', expected: []},
  {sentence: 'The launch went ahead according to schedule on Friday morning.', expected: []},
  {sentence: 'The bridge reopened to traffic on Monday, according to plan.', expected: []},
  {sentence: 'Heavy rain flooded several neighborhoods in the city overnight.', expected: []},
  {sentence: 'Shares of the carmaker rose 4% in early trading in New York.', expected: []},
  {sentence: 'The deal was announced late on Sunday after weeks of negotiations.', expected: []},
  {sentence: 'Shoppers found bargains at the new outlet mall.', expected: []},
  {sentence: 'The company added 2,000 jobs in the quarter.', expected: []}
]

// --- Participles, quotes, auxiliaries, names with marks ----------------------------------

const more: Case[] = [
  {
    sentence: '“We are ready,” the coach said, adding that the team had trained for months.',
    expected: [
      {source: 'the coach', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['We are ready']},
      {source: 'the coach', type: 'unnamed-person', anonymous: true, basis: null, cue: 'adding', content: ['the team had trained for months']}
    ]
  },
  {
    sentence: '“I think the market will recover,” she said, pointing at the chart.',
    expected: [{source: 'she', type: 'pronoun', anonymous: false, basis: null, cue: 'said', content: ['I think the market will recover']}]
  },
  {
    sentence: 'Sen. Maria Lopez (D-N.M.) said the bill would pass.',
    expected: [{source: 'Sen. Maria Lopez (D-N.M.)', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the bill would pass']}]
  },
  {
    sentence: 'A third of voters in a recent CBS/YouGov poll said they had not decided.',
    expected: [
      {source: 'A third of voters in a recent CBS/YouGov poll', type: 'unnamed-group', anonymous: true, basis: null, cue: 'said', content: ['they had not decided']}
    ]
  },
  {
    sentence: 'In his opening remarks, the governor said the state would not raise taxes.',
    expected: [{source: 'the governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['the state would not raise taxes']}]
  },
  {
    sentence: 'Exports to the United States fell sharply in May.',
    expected: []
  },
  {
    sentence: 'The mayor has also said the budget is balanced.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'has also said', content: ['the budget is balanced']}]
  },
  {
    sentence: 'Asked whether he would run again, the senator smiled.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'Asked', content: ['whether he would run again']}]
  },
  {
    sentence: 'The measure is expected to pass the House next week.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'is expected', content: ['The measure', 'to pass the House next week']}]
  },
  {
    sentence: 'The poll shows the race tightening in Ohio.',
    expected: [{source: 'The poll', type: 'document', anonymous: false, basis: null, cue: 'shows', content: ['the race tightening in Ohio']}]
  },
  {
    sentence: 'Carly Fiorina endorsed Ted Cruz on Wednesday, saying it is time for a real conservative in the White House.',
    expected: [
      {source: 'Carly Fiorina', type: 'named-person', anonymous: false, basis: null, cue: 'endorsed', content: ['Ted Cruz']},
      {
        source: 'Carly Fiorina',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'saying',
        content: ['it is time for a real conservative in the White House']
      }
    ]
  },
  {
    sentence: 'The mayor spoke for an hour, referring to the strike at the port.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'referring to', content: ['the strike at the port']}]
  },
  {
    sentence: 'The company closed the plant in March, citing weak demand.',
    expected: [{source: 'The company', type: 'named-organisation', anonymous: false, basis: null, cue: 'citing', content: ['weak demand']}]
  },
  {
    sentence: 'The senator voted against the bill, criticizing its cost.',
    expected: [
      {source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'voted against', content: ['the bill']},
      {source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'criticizing', content: ['its cost']}
    ]
  },
  {
    sentence: 'The river flooded the town, leaving hundreds homeless.',
    expected: []
  },
  {
    sentence: 'In a Quinnipiac University poll released Tuesday, the governor leads his challenger by six points.',
    expected: [
      {
        source: 'a Quinnipiac University poll released Tuesday',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'In',
        content: ['the governor leads his challenger by six points']
      }
    ]
  },
  {
    sentence: 'In the latest polls, he trails badly.',
    expected: [{source: 'the latest polls', type: 'document', anonymous: false, basis: null, cue: 'In', content: ['he trails badly']}]
  },
  {
    sentence: 'In a statement, the ministry said exports rose.',
    expected: [{source: 'the ministry', type: 'named-organisation', anonymous: false, basis: null, cue: 'said', content: ['exports rose']}]
  },
  {
    sentence: "Vikram Amar, dean of the University of Illinois College of Law, said the court's tone had changed.",
    expected: [
      {
        source: 'Vikram Amar, dean of the University of Illinois College of Law',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ["the court's tone had changed"]
      }
    ]
  },
  {
    sentence: 'Florida delegate John Archer, wearing a campaign T-shirt, said he was proud of the campaign.',
    expected: [
      {source: 'Florida delegate John Archer', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['he was proud of the campaign']}
    ]
  },
  {
    sentence: '“I am not going to apologize for it,” said retired neurosurgeon Ben Carson.',
    expected: [
      {source: 'retired neurosurgeon Ben Carson', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['I am not going to apologize for it']}
    ]
  },
  {
    sentence: 'The senator, who faces a tough race, said the bill would pass.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['the bill would pass']}]
  },
  {
    sentence: 'She added, “We will review all the facts and come to an independent conclusion.”',
    expected: [
      {
        source: 'She',
        type: 'pronoun',
        anonymous: false,
        basis: null,
        cue: 'added',
        content: ['We will review all the facts and come to an independent conclusion']
      }
    ]
  },
  {
    sentence: 'As a 2011 Pew study noted, Latinos born in California were younger than the state as a whole.',
    expected: [
      {
        source: 'a 2011 Pew study',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'noted',
        content: ['Latinos born in California were younger than the state as a whole']
      }
    ]
  },
  {
    sentence: 'As the storm approached, residents added sandbags to their doors.',
    expected: []
  },
  {
    sentence: 'The moderator asked Clinton on Friday whether she would release the transcripts.',
    expected: [
      {
        source: 'The moderator',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'asked',
        content: ['whether she would release the transcripts']
      }
    ]
  },
  {
    sentence: 'The pastor asked the congregation to stand for a moment of silence.',
    expected: [
      {
        source: 'The pastor',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'asked',
        content: ['the congregation to stand for a moment of silence']
      }
    ]
  },
  {
    sentence: '“Why are you still endorsing him?” Obama asked Republican lawmakers.',
    expected: [{source: 'Obama', type: 'named-person', anonymous: false, basis: null, cue: 'asked', content: ['Why are you still endorsing him']}]
  },
  {
    sentence: 'A newly formed super PAC called Future 45 ran its first ads in Iowa.',
    expected: []
  },
  {
    sentence: 'Matt Bennett, a founder of the centrist think tank Third Way, said the plan would fail.',
    expected: [
      {
        source: 'Matt Bennett, a founder of the centrist think tank Third Way',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the plan would fail']
      }
    ]
  },
  {
    sentence: 'Terror attacks in the region rose sharply last year.',
    expected: []
  },
  {
    sentence: 'Bernie Sanders Says He Has Already Started Writing His Inaugural Address',
    expected: [
      {
        source: 'Bernie Sanders',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'Says',
        content: ['He Has Already Started Writing His Inaugural Address']
      }
    ]
  },
  {
    sentence: 'Staff at the Daily Reports desk were told on Monday.',
    expected: []
  },
  {
    sentence: 'A Marquette Law School poll released last week showed Clinton ahead in the state.',
    expected: [
      {
        source: 'A Marquette Law School poll released last week',
        type: 'document',
        anonymous: false,
        basis: null,
        cue: 'showed',
        content: ['Clinton ahead in the state']
      }
    ]
  },
  {
    sentence: 'Footage from the scene showed police officers shoving protesters.',
    expected: [
      {source: 'Footage from the scene', type: 'document', anonymous: false, basis: null, cue: 'showed', content: ['police officers shoving protesters']}
    ]
  },
  {
    sentence: "The senator's staff showed reporters the room.",
    expected: []
  },
  {
    sentence: 'Sanders appeared to dismiss the issue in October, when he told Clinton that voters were tired of it.',
    expected: [
      {source: null, type: null, anonymous: null, basis: null, cue: 'appeared', content: ['Sanders', 'to dismiss the issue in October']},
      {source: 'he', type: 'pronoun', anonymous: false, basis: null, cue: 'told', content: ['voters were tired of it']}
    ]
  },
  {
    sentence:
      'He expressed confidence that the party could still unite. "This is still early in the process. We have plenty of time," Spicer told CNN.',
    expected: [
      {source: 'He', type: 'pronoun', anonymous: false, basis: null, cue: 'expressed', content: ['confidence that the party could still unite']},
      {
        source: 'Spicer',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['This is still early in the process. We have plenty of time']
      }
    ]
  },
  {
    sentence: '"Just to be clear, I never said no," Eric Trump wrote in an email on Monday, adding that he had not ruled it out.',
    expected: [
      {source: 'Eric Trump', type: 'named-person', anonymous: false, basis: null, cue: 'wrote', content: ['Just to be clear, I never said no']},
      {source: 'Eric Trump', type: 'named-person', anonymous: false, basis: null, cue: 'adding', content: ['he had not ruled it out']}
    ]
  },
  {
    sentence: '"It\'s a pretty expensive business model," said Will Doyle, a professor at Vanderbilt University.',
    expected: [
      {
        source: 'Will Doyle, a professor at Vanderbilt University',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ["It's a pretty expensive business model"]
      }
    ]
  },
  {
    sentence: 'Just 28 percent of voters said they had a positive view of the governor.',
    expected: [
      {
        source: 'Just 28 percent of voters',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'said',
        content: ['they had a positive view of the governor']
      }
    ]
  },
  {
    sentence: 'As The Times reported on Saturday, he has already emerged as an influential adviser.',
    expected: [
      {
        source: 'The Times',
        type: 'named-organisation',
        anonymous: false,
        basis: null,
        cue: 'reported',
        content: ['he has already emerged as an influential adviser']
      }
    ]
  },
  {
    sentence: 'The law, as Comey noted, still applies to everyone involved.',
    expected: [
      {source: 'Comey', type: 'named-person', anonymous: false, basis: null, cue: 'noted', content: ['The law', 'still applies to everyone involved']}
    ]
  },
  {
    sentence: 'As one diplomat put it, the makeover was extreme.',
    expected: [{source: 'one diplomat', type: 'unnamed-person', anonymous: true, basis: null, cue: 'put it', content: ['the makeover was extreme']}]
  },
  {
    sentence: 'As prices rose, shoppers said they cut back.',
    expected: [{source: 'shoppers', type: 'unnamed-group', anonymous: true, basis: null, cue: 'said', content: ['they cut back']}]
  },
  {
    sentence: 'Democratic voters in all five states see Clinton as the candidate with the better chance to win.',
    expected: [
      {
        source: 'Democratic voters in all five states',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'see',
        content: ['Clinton as the candidate with the better chance to win']
      }
    ]
  },
  {
    sentence: 'Many investors viewed the vote as a sign of confidence in the economy.',
    expected: [
      {
        source: 'Many investors',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'viewed',
        content: ['the vote as a sign of confidence in the economy']
      }
    ]
  },
  {
    sentence: 'Voters saw the candidates at a rally in Des Moines.',
    expected: []
  },
  {
    sentence: 'The FBI is reportedly making arrangements to interview the candidate.',
    expected: [
      {
        source: null,
        type: null,
        anonymous: null,
        basis: null,
        cue: 'reportedly',
        content: ['The FBI is', 'making arrangements to interview the candidate']
      }
    ]
  },
  {
    sentence: 'Trump reportedly told aides that he would stay in the race.',
    expected: [{source: 'Trump', type: 'named-person', anonymous: false, basis: null, cue: 'reportedly told', content: ['he would stay in the race']}]
  },
  {
    sentence: 'The talks ended in what one negotiator called “a complete breakdown of trust” on Friday.',
    expected: [
      {source: 'one negotiator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'called', content: ['a complete breakdown of trust']}
    ]
  },
  {
    sentence: 'Strategists hope the ads will help incumbents in November.',
    expected: [
      {source: 'Strategists', type: 'unnamed-group', anonymous: true, basis: null, cue: 'hope', content: ['the ads will help incumbents in November']}
    ]
  },
  {
    sentence: 'Most economists expect the central bank will hold rates steady.',
    expected: [
      {
        source: 'Most economists',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'expect',
        content: ['the central bank will hold rates steady']
      }
    ]
  },
  {
    sentence: 'Zimmerman noted the Justice Department returned the weapon to him recently.',
    expected: [
      {
        source: 'Zimmerman',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'noted',
        content: ['the Justice Department returned the weapon to him recently']
      }
    ]
  },
  {
    sentence: 'She recalled the night her father lost his job.',
    expected: [{source: 'She', type: 'pronoun', anonymous: false, basis: null, cue: 'recalled', content: ['the night her father lost his job']}]
  },
  {
    sentence: 'The company added 2,000 jobs in May.',
    expected: []
  },
  {
    sentence: 'The senator referenced the 2008 financial crisis during the debate.',
    expected: [
      {source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'referenced', content: ['the 2008 financial crisis']}
    ]
  },
  {
    sentence: 'The governor implied that the budget would be cut again.',
    expected: [
      {source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'implied', content: ['the budget would be cut again']}
    ]
  },
  {
    sentence: 'The union called for an independent inquiry.',
    expected: [{source: 'The union', type: 'named-organisation', anonymous: false, basis: null, cue: 'called for', content: ['an independent inquiry']}]
  },
  {
    sentence: 'Gov. Mike Pence on Thursday said that the state would appeal the ruling.',
    expected: [
      {source: 'Gov. Mike Pence', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the state would appeal the ruling']}
    ]
  },
  {
    sentence: 'Senator Warren last week wrote that the bank had misled its customers.',
    expected: [
      {source: 'Senator Warren', type: 'named-person', anonymous: false, basis: null, cue: 'wrote', content: ['the bank had misled its customers']}
    ]
  },
  {
    sentence: 'The mayor jokingly said that he would run again.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['he would run again']}]
  },
  {
    // A word in -ly that is a noun stays in the subject.
    sentence: 'The family said that they were relieved by the verdict.',
    expected: [
      {source: 'The family', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['they were relieved by the verdict']}
    ]
  },
  {
    sentence: 'The governor toured the flooded town on Monday and said that federal aid was on the way.',
    expected: [
      {source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['federal aid was on the way']}
    ]
  },
  {
    sentence: 'Jacob Miller, 24, a teacher from Dayton, said that the schools needed more money.',
    expected: [
      {
        source: 'Jacob Miller, 24, a teacher from Dayton',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the schools needed more money']
      }
    ]
  },
  {
    // After an appositive, a relative clause still is no part of the source.
    sentence: 'Anna Ruiz, a baker, who opened her shop in May, said that sales had doubled.',
    expected: [{source: 'Anna Ruiz, a baker', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['sales had doubled']}]
  },
  {
    // An opening phrase without quotes, then a quote after the cue: the quote is what was said.
    sentence: 'Reflecting on his years as a prosecutor, the senator said, “I never knew what a jury would do.”',
    expected: [
      {source: 'the senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['I never knew what a jury would do']}
    ]
  },
  {
    sentence: 'In a statement, the company said, “We are reviewing the decision.”',
    expected: [
      {source: 'the company', type: 'named-organisation', anonymous: false, basis: null, cue: 'said', content: ['We are reviewing the decision']}
    ]
  },
  {
    // A quote before the source still makes the cue postposed, the second quote its continuation.
    sentence: '“We will win this state,” the senator said, “and then we will win the country.”',
    expected: [
      {
        source: 'the senator',
        type: 'unnamed-person',
        anonymous: true,
        basis: null,
        cue: 'said',
        content: ['We will win this state', 'and then we will win the country']
      }
    ]
  },
  {
    sentence: 'In Iowa, the senator attacked the plan and said that it would raise taxes.',
    expected: [
      {source: 'the senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'attacked', content: ['the plan']},
      {source: 'the senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['it would raise taxes']}
    ]
  },
  {
    sentence: 'Sen. Bernie Sanders (I-Vt.) on Saturday said that the race was far from over.',
    expected: [
      {
        source: 'Sen. Bernie Sanders (I-Vt.)',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the race was far from over']
      }
    ]
  },
  {
    sentence: 'The senator described the plan as a giveaway to the rich.',
    expected: [
      {source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'described', content: ['the plan as a giveaway to the rich']}
    ]
  },
  {
    sentence: 'The mayor proposed a ban on plastic bags.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'proposed', content: ['a ban on plastic bags']}]
  },
  {
    // "on" before a day ends the object.
    sentence: 'The mayor praised the pledge on Monday.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'praised', content: ['the pledge']}]
  },
  {
    sentence: 'The governor praised his deep and genuine faith.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'praised', content: ['his deep and genuine faith']}]
  },
  {
    sentence: 'The senator assailed the proposal as reckless.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'assailed', content: ['the proposal as reckless']}]
  },
  {
    sentence: 'Critics derided the plan as a gimmick.',
    expected: [{source: 'Critics', type: 'unnamed-group', anonymous: true, basis: null, cue: 'derided', content: ['the plan as a gimmick']}]
  },
  {
    sentence: 'Many voters oppose the tax increase.',
    expected: [{source: 'Many voters', type: 'unnamed-group', anonymous: true, basis: null, cue: 'oppose', content: ['the tax increase']}]
  },
  {
    sentence: 'The governor spoke for an hour, thanking volunteers for their work.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'thanking', content: ['volunteers for their work']}]
  },
  {
    // A time adjunct after "Asked"; a sentence opening with a cue verb has no plain subject to share.
    sentence: 'Asked on Monday whether she would run again, the mayor smiled and said, “We will see.”',
    expected: [
      {source: null, type: null, anonymous: null, basis: null, cue: 'Asked', content: ['whether she would run again']},
      {source: 'the mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['We will see']}
    ]
  },
  {
    sentence: 'Asked Tuesday about the audit, the governor said he had not read it.',
    expected: [
      {source: null, type: null, anonymous: null, basis: null, cue: 'Asked', content: ['about the audit']},
      {source: 'the governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['he had not read it']}
    ]
  },
  {
    // After "told" comes the audience, not the source.
    sentence: '“We will win this state,” Jane Doe, a campaign aide, told CNN.',
    expected: [
      {
        source: 'Jane Doe, a campaign aide',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'told',
        content: ['We will win this state']
      }
    ]
  },
  {
    sentence: 'Her advisers and allies said that the campaign would go on.',
    expected: [
      {source: 'Her advisers and allies', type: 'unnamed-group', anonymous: true, basis: null, cue: 'said', content: ['the campaign would go on']}
    ]
  },
  {
    sentence: 'Cyber security experts and U.S. officials warned that the attack was not over.',
    expected: [
      {
        source: 'Cyber security experts and U.S. officials',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'warned',
        content: ['the attack was not over']
      }
    ]
  },
  {
    // A clause before "and" (a verb form in it) is no part of the subject.
    sentence: 'The plan passed and officials said that it would take effect in May.',
    expected: [{source: 'officials', type: 'unnamed-group', anonymous: true, basis: null, cue: 'said', content: ['it would take effect in May']}]
  },
  {
    // The participle's source is the subject after the opening adjunct, not the whole clause.
    sentence: 'On Sunday, Mr. Trump visited a factory in Ohio, saying that jobs would return.',
    expected: [
      {source: 'Mr. Trump', type: 'named-person', anonymous: false, basis: null, cue: 'saying', content: ['jobs would return']}
    ]
  },
  {
    sentence: 'Then, she toured the border, calling the situation a crisis.',
    expected: [{source: 'she', type: 'pronoun', anonymous: false, basis: null, cue: 'calling', content: ['the situation a crisis']}]
  },
  {
    // An adjunct opening the sentence is no name before the appositive.
    sentence: 'On Friday, the mayor, a Democrat, said that the park would reopen.',
    expected: [
      {source: 'the mayor, a Democrat', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['the park would reopen']}
    ]
  },
  {
    sentence: 'Reince Priebus, the party chairman, on Tuesday said that the rules would not change.',
    expected: [
      {
        source: 'Reince Priebus, the party chairman',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['the rules would not change']
      }
    ]
  }
]

// --- Intention, decision and stance verbs -------------------------------------

const stance: Case[] = [
  {
    sentence: 'The city council plans to vote on the budget next week.',
    expected: [{source: 'The city council', type: 'named-organisation', anonymous: false, basis: null, cue: 'plans', content: ['to vote on the budget next week']}]
  },
  {
    sentence: 'The governor decided to veto the bill after a long review.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'decided', content: ['to veto the bill after a long review']}]
  },
  {
    sentence: 'Most economists consider the proposal a risky bet.',
    expected: [{source: 'Most economists', type: 'unnamed-group', anonymous: true, basis: null, cue: 'consider', content: ['the proposal a risky bet']}]
  },
  {
    sentence: 'The mayor signed an order closing the city parks.',
    expected: [{source: 'The mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'signed', content: ['an order closing the city parks']}]
  },
  {
    sentence: 'Local officials recognized that the plan had failed.',
    expected: [{source: 'Local officials', type: 'unnamed-group', anonymous: true, basis: null, cue: 'recognized', content: ['the plan had failed']}]
  },
  // "plans" is a noun here, and without "to" it reports no intention.
  {sentence: 'The tax plans of both parties were published on Monday.', expected: []},
  {sentence: 'The company plans a new factory in Ohio.', expected: []}
]

// --- Coordinated cue verbs ---------------------------------------------------

const coordinated: Case[] = [
  // "and" is never the source: with no plain subject before it, the attribution has none.
  {
    sentence: 'About 10 percent of voters picked “none of the above” and said the vote was rigged.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'said', content: ['the vote was rigged']}]
  },
  // An opening prepositional phrase is not the shared subject.
  {
    sentence: 'Despite the criticism, he found the speech “very moving” and called it a turning point.',
    expected: [{source: 'he', type: 'pronoun', anonymous: false, basis: null, cue: 'called', content: ['it a turning point']}]
  },
  // The nearest clause's subject is shared: after a subordinator, after a comma.
  {
    sentence: 'Fans cheered after Smith scored twice and said the title was theirs.',
    expected: [{source: 'Smith', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the title was theirs']}]
  },
  {
    sentence: 'In Iowa, Trump attacked Cruz and said the senator could not win.',
    expected: [
      {source: 'Trump', type: 'named-person', anonymous: false, basis: null, cue: 'attacked', content: ['Cruz']},
      {source: 'Trump', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the senator could not win']}
    ]
  },
  // After ", and" the verb shares the subject of the clause before.
  {
    sentence: 'Officials praised the deal, and said it would create jobs.',
    expected: [
      {source: 'Officials', type: 'unnamed-group', anonymous: true, basis: null, cue: 'praised', content: ['the deal']},
      {source: 'Officials', type: 'unnamed-group', anonymous: true, basis: null, cue: 'said', content: ['it would create jobs']}
    ]
  }
]

// --- Seeming verbs before a predicate -----------------------------------------

const seeming: Case[] = [
  {
    sentence: 'The crowd seemed unmoved by the speech.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'seemed', content: ['The crowd', 'unmoved by the speech']}]
  },
  {
    sentence: 'It appears that the plan has stalled in the Senate.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'appears', content: ['that the plan has stalled in the Senate']}]
  },
  {
    sentence: 'The senator appeared tired, at least to reporters in the room.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'appeared', content: ['The senator', 'tired']}]
  },
  // A place, a time or an infinitive: no report.
  {sentence: 'The mayor appeared on local television on Sunday night.', expected: []},
  {sentence: 'The witness was ready to appear before the committee.', expected: []},
  {sentence: 'The report appeared Monday in the morning paper.', expected: []}
]

// --- Possessed nouns of stance ------------------------------------------------

const possessed: Case[] = [
  {
    sentence: 'The senator renewed his attacks on the trade deal.',
    expected: [{source: 'his', type: 'pronoun', anonymous: false, basis: null, cue: 'attacks on', content: ['the trade deal']}]
  },
  {
    sentence: "Voters have not forgotten Mr. Smith's criticism of the bill.",
    expected: [{source: "Mr. Smith's", type: 'named-person', anonymous: false, basis: null, cue: 'criticism of', content: ['the bill']}]
  },
  // Without a possessor no one is named.
  {sentence: 'The attacks on the embassy killed four people.', expected: []}
]

// --- Passive with an agent ----------------------------------------------------

const passiveAgent: Case[] = [
  {
    sentence: 'The mayor has been criticized by several council members for the delay.',
    expected: [
      {
        source: 'several council members',
        type: 'unnamed-group',
        anonymous: true,
        basis: null,
        cue: 'has been criticized',
        content: ['The mayor', 'for the delay']
      }
    ]
  },
  {
    sentence: 'The merger was first reported by The Wall Street Journal.',
    expected: [{source: 'The Wall Street Journal', type: 'named-organisation', anonymous: false, basis: null, cue: 'was first reported', content: ['The merger']}]
  },
  // After a comma a passive is still the passive rule's, not a postposed source "six were".
  {
    sentence: 'Of the ten judges, six were appointed by Democratic presidents.',
    expected: [{source: 'Democratic presidents', type: 'unnamed-group', anonymous: true, basis: null, cue: 'were appointed', content: ['six']}]
  },
  {
    sentence: 'The governor named a former aide as her chief of staff.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'named', content: ['a former aide as her chief of staff']}]
  },
  // "named" giving a name after an indefinite subject reports nothing.
  {sentence: 'A man named John Smith was arrested on Friday.', expected: []},
  // Not a cue verb: no attribution.
  {sentence: 'The bridge was built by a local firm in 1998.', expected: []}
]

// --- Gerunds after a preposition ----------------------------------------------

const gerunds: Case[] = [
  // The clause's subject is the source, not the words before the preposition.
  {
    sentence: 'The governor ended the debate by saying that the budget was balanced.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'saying', content: ['the budget was balanced']}]
  },
  {
    sentence: 'The senator has gone further than his rivals by proposing a ban on imports.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'proposing', content: ['a ban on imports']}]
  },
  {
    sentence: 'Workers were fired for criticizing the plan.',
    expected: [{source: 'Workers', type: 'unnamed-group', anonymous: true, basis: null, cue: 'criticizing', content: ['the plan']}]
  }
]

// --- Colons that name no source ------------------------------------------------

const colonHeadings: Case[] = [
  {
    sentence: 'Smith: The budget will pass before the end of the month.',
    expected: [{source: 'Smith', type: 'named-person', anonymous: false, basis: null, cue: ':', content: ['The budget will pass before the end of the month']}]
  },
  // An interview's "Q:", a "Breaking:" label, a heading of fewer than four words.
  {sentence: 'Q: Did you expect to win the race this year?', expected: []},
  {sentence: 'Breaking: Senate passes the budget after a long night.', expected: []},
  {sentence: 'Smith: Just hang on.', expected: []}
]

// --- Nominal forms after a speaker noun -----------------------------------------

const speakerVerbs: Case[] = [
  // A form that agrees with a speaker noun before it is a verb, not a compound noun.
  {
    sentence: 'The government hopes that its diplomats can make a better argument.',
    expected: [{source: 'The government', type: 'named-organisation', anonymous: false, basis: null, cue: 'hopes', content: ['its diplomats can make a better argument']}]
  },
  {
    sentence: 'Many voters fear the plan will raise their taxes.',
    expected: [{source: 'Many voters', type: 'unnamed-group', anonymous: true, basis: null, cue: 'fear', content: ['the plan will raise their taxes']}]
  },
  // Before a preposition it stays a noun.
  {sentence: 'The campaign promises of both candidates were vague.', expected: []}
]

// --- Time adjuncts around the cue ----------------------------------------------

const timeAdjuncts: Case[] = [
  // A time adjunct after the cue is no content; one after "who" leaves "who" the source, a pronoun
  // for the one named before it.
  {
    sentence: 'Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday he agrees with the ruling.',
    expected: [
      {source: 'who', type: 'pronoun', anonymous: false, basis: null, cue: 'endorsed', content: ['Clinton']},
      {source: 'Bernie Sanders', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['he agrees with the ruling']}
    ]
  },
  {
    sentence: 'The agency announced on Friday the arrest of a second suspect.',
    expected: [{source: 'The agency', type: 'named-organisation', anonymous: false, basis: null, cue: 'announced', content: ['the arrest of a second suspect']}]
  },
  // Before a comma the clause after it is not the content of "posted".
  {
    sentence: 'In a statement posted Friday, the mayor said the city would appeal.',
    expected: [{source: 'the mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['the city would appeal']}]
  }
]

// --- Inverted sources: long affiliations, one-word quotes --------------------------

const invertedMore: Case[] = [
  {
    sentence: '“The ruling was a long shot,” said Jane Smith of the University of Texas School of Law.',
    expected: [
      {
        source: 'Jane Smith of the University of Texas School of Law',
        type: 'named-person',
        anonymous: false,
        basis: null,
        cue: 'said',
        content: ['The ruling was a long shot']
      }
    ]
  },
  {
    sentence: '"Safety," said Grimm, a local farmer.',
    expected: [{source: 'Grimm, a local farmer', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['Safety']}]
  },
  // After a name and its appositive the cue is preposed, not inverted: the words after it are content.
  {
    sentence: 'Paul Huntley, a delegate from California, said he wanted a fair process.',
    expected: [{source: 'Paul Huntley, a delegate from California', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['he wanted a fair process']}]
  },
  {
    sentence: 'Gov. John Kasich of Ohio, a Republican, said the family deserved better.',
    expected: [{source: 'Gov. John Kasich of Ohio, a Republican', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the family deserved better']}]
  },
  {
    sentence: '“We will win,” said Paul Huntley, a delegate from California.',
    expected: [{source: 'Paul Huntley, a delegate from California', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['We will win']}]
  },
  // A participle after a quoted title and its comma is the participle rule's: no quoted title as source.
  {
    sentence: 'Graham spoke on “Meet the Press,” adding that the party was divided.',
    expected: [{source: 'Graham', type: 'named-person', anonymous: false, basis: null, cue: 'adding', content: ['the party was divided']}]
  },
  // A long lower-case run after the verb is no inverted source.
  {sentence: '“It was fine,” said the court’s tone had changed over the course of the long hearing.', expected: []}
]

// --- More phrasal cues ----------------------------------------------------------

const phrasal: Case[] = [
  {
    sentence: 'The governor sided with the teachers in the dispute.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'sided with', content: ['the teachers in the dispute']}]
  },
  {
    sentence: 'The senator laid out a plan to cut taxes.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'laid out', content: ['a plan to cut taxes']}]
  },
  {
    sentence: '“That is false,” the mayor shot back.',
    expected: [{source: 'the mayor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'shot back', content: ['That is false']}]
  },
  {
    sentence: 'The court ruled that the law was unconstitutional.',
    expected: [{source: 'The court', type: 'named-organisation', anonymous: false, basis: null, cue: 'ruled', content: ['the law was unconstitutional']}]
  },
  {
    sentence: 'The union pushed back on the proposal.',
    expected: [{source: 'The union', type: 'named-organisation', anonymous: false, basis: null, cue: 'pushed back', content: ['on the proposal']}]
  },
  {
    sentence: 'The governor agreed with the teachers on the pay rise.',
    expected: [{source: 'The governor', type: 'unnamed-person', anonymous: true, basis: null, cue: 'agreed with', content: ['the teachers on the pay rise']}]
  },
  {
    sentence: 'The senator shrugged off the criticism.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'shrugged off', content: ['the criticism']}]
  },
  {
    sentence: 'The party reaffirmed its support for the treaty.',
    expected: [{source: 'The party', type: 'named-organisation', anonymous: false, basis: null, cue: 'reaffirmed', content: ['its support for the treaty']}]
  },
  {
    sentence: 'The senator quickly distanced himself from the remarks.',
    expected: [{source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'quickly distanced himself from', content: ['the remarks']}]
  },
  {
    sentence: 'Most voters would like to see a change in Washington.',
    expected: [{source: 'Most voters', type: 'unnamed-group', anonymous: true, basis: null, cue: 'would like', content: ['to see a change in Washington']}]
  },
  // The particle is the cue's: "railed against", not "railed".
  {
    sentence: 'The candidate railed against the trade deal.',
    expected: [{source: 'The candidate', type: 'unnamed-person', anonymous: true, basis: null, cue: 'railed against', content: ['the trade deal']}]
  },
  {
    sentence: 'The court struck down the state law.',
    expected: [{source: 'The court', type: 'named-organisation', anonymous: false, basis: null, cue: 'struck down', content: ['the state law']}]
  },
  // "read" reports words only before a quote, a colon or "that".
  {
    sentence: 'One sign read, “Lock her up.”',
    expected: [{source: 'One sign', type: 'unnamed-person', anonymous: true, basis: null, cue: 'read', content: ['Lock her up']}]
  },
  {sentence: 'She read the book on the flight home.', expected: []},
  // Without its particle the verb is no cue; "look at" and "focus on" are left out (mostly no attribution).
  {sentence: 'The team sided.', expected: []},
  {sentence: 'The inspectors will look at the damage on Monday.', expected: []}
]

// --- Sources are noun phrases ------------------------------------------------------

const nounPhrases: Case[] = [
  // An auxiliary before the cue verb is the cue's, not the source's.
  {
    sentence: 'But Attorney General Maria Lopez isn’t saying if the charity broke any laws.',
    expected: [
      {source: 'Attorney General Maria Lopez', type: 'named-person', anonymous: false, basis: null, cue: 'isn’t saying', content: ['if the charity broke any laws']}
    ]
  },
  {
    sentence: 'Ms. Ortiz was proposing something else entirely.',
    expected: [{source: 'Ms. Ortiz', type: 'named-person', anonymous: false, basis: null, cue: 'was proposing', content: ['something else entirely']}]
  },
  {
    sentence: 'The senators have both argued that the tariff hurts farmers.',
    expected: [{source: 'The senators', type: 'unnamed-group', anonymous: true, basis: null, cue: 'have both argued', content: ['the tariff hurts farmers']}]
  },
  // The subject of a passive is not who speaks.
  {
    sentence: 'The mayor was once asked how the strike would end.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'was once asked', content: ['how the strike would end']}]
  },
  // A pronoun ends no longer noun phrase: the words before it are an object or an adjunct. (The
  // content of a relative clause is still read after its verb.)
  {
    sentence: 'The deficit grew under policies she supported that allowed more borrowing.',
    expected: [{source: 'she', type: 'pronoun', anonymous: false, basis: null, cue: 'supported', content: ['allowed more borrowing']}]
  },
  {
    sentence: 'Even now at 90 she still says that the war was a mistake.',
    expected: [{source: 'she', type: 'pronoun', anonymous: false, basis: null, cue: 'still says', content: ['the war was a mistake']}]
  },
  {
    sentence: 'On Monday they published the results of their review by announcing that the claim was false.',
    expected: [
      {source: 'they', type: 'pronoun', anonymous: false, basis: null, cue: 'published the results of their review by announcing', content: ['the claim was false']}
    ]
  },
  // A contracted auxiliary is not the source's.
  {
    sentence: "If you're worried about the cost, the bank says a loan may help.",
    expected: [
      {source: 'you', type: 'pronoun', anonymous: false, basis: null, cue: 'worried about', content: ['the cost']},
      {source: 'the bank', type: 'named-organisation', anonymous: false, basis: null, cue: 'says', content: ['a loan may help']}
    ]
  },
  // A compound modifier is no source: "calls" is the noun it modifies.
  {sentence: 'He was asleep when late-night calls came in during the flood.', expected: []},
  // A participle phrase is no source.
  {
    sentence: 'A new ad from the governor’s campaign is seizing on recent remarks his opponent made questioning why she trails in the race.',
    expected: [{source: null, type: null, anonymous: null, basis: null, cue: 'questioning', content: ['why she trails in the race']}]
  },
  // "with" opening an absolute phrase is not its subject's.
  {
    sentence: 'With experts offering their assessments, the council voted to delay the project.',
    expected: [{source: 'experts', type: 'unnamed-group', anonymous: true, basis: null, cue: 'offering', content: ['their assessments']}]
  },
  // A clause in the span: its subject is the source, its verb and object join the cue.
  {
    sentence: 'Mayor Tom Reyes spoke to reporters after Sen. Ann Cole unleashed a series of tweets criticizing the budget director.',
    expected: [
      {source: 'Sen. Ann Cole', type: 'named-person', anonymous: false, basis: null, cue: 'unleashed a series of tweets criticizing', content: ['the budget director']}
    ]
  },
  {
    sentence: 'The senator unleashed a series of tweets early Monday saying that the deal was a disaster.',
    expected: [
      {source: 'The senator', type: 'unnamed-person', anonymous: true, basis: null, cue: 'unleashed a series of tweets early Monday saying', content: ['the deal was a disaster']}
    ]
  },
  {
    sentence: 'He scrapped plans to attend the debate in Iowa.',
    expected: [{source: 'He', type: 'pronoun', anonymous: false, basis: null, cue: 'scrapped plans', content: ['to attend the debate in Iowa']}]
  },
  // ... unless a noun phrase ends the clause's object: the subject of a relative clause with the cue.
  {
    sentence: 'The bill did something Republicans wanted: it cut the tax on diesel.',
    expected: [{source: 'Republicans', type: 'named-organisation', anonymous: false, basis: null, cue: 'wanted', content: ['it cut the tax on diesel']}]
  }
]

// --- Named people: in apposition, after an honorific ----------------------------

const namedPeople: Case[] = [
  // A description, then the name of the one it describes: the source is named.
  {
    sentence: 'A lawyer for the newspapers, David Stern, said the ruling would be appealed.',
    expected: [
      {source: 'A lawyer for the newspapers, David Stern', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the ruling would be appealed']}
    ]
  },
  {
    sentence: 'One of his advisers, Tad Devine, said the campaign would go on.',
    expected: [{source: 'One of his advisers, Tad Devine', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the campaign would go on']}]
  },
  // A region after a town is no name in apposition.
  {
    sentence: 'A voter in Manchester, New Hampshire, said she would back the governor.',
    expected: [{source: 'A voter in Manchester, New Hampshire', type: 'unnamed-person', anonymous: true, basis: null, cue: 'said', content: ['she would back the governor']}]
  },
  // After an honorific a word that is also a title is a name.
  {
    sentence: 'Mr. King, 82, told reporters he would run again.',
    expected: [{source: 'Mr. King, 82', type: 'named-person', anonymous: false, basis: null, cue: 'told', content: ['he would run again']}]
  },
  {
    sentence: 'Mr. King said the network never edited his show.',
    expected: [{source: 'Mr. King', type: 'named-person', anonymous: false, basis: null, cue: 'said', content: ['the network never edited his show']}]
  }
]

const groups: Array<[string, Case[]]> = [
  ['participles, quotes, auxiliaries', more],
  ['according to', accordingTo],
  ['postposed and inverted', postposed],
  ['preposed and object verbs', preposed],
  ['nominal and participial', nominalAndParticipial],
  ['colon', colon],
  ['intention, decision and stance verbs', stance],
  ['coordinated cue verbs', coordinated],
  ['seeming verbs', seeming],
  ['possessed nouns of stance', possessed],
  ['passive with an agent', passiveAgent],
  ['gerunds after a preposition', gerunds],
  ['colons that name no source', colonHeadings],
  ['nominal forms after a speaker noun', speakerVerbs],
  ['time adjuncts around the cue', timeAdjuncts],
  ['inverted sources: affiliations, one-word quotes', invertedMore],
  ['more phrasal cues', phrasal],
  ['sources are noun phrases', nounPhrases],
  ['named people: apposition, honorifics', namedPeople],
  ['no attribution', none]
]

/**
 * Sentences where the shipped tagger (pipeline/attribution-model) adds an
 * attribution that is not there, with the confidence it gives it. The rules
 * alone read them right, and that is asserted; the whole pipeline's reading is
 * a known gap, kept as a failing expectation so that a retrained tagger which
 * fixes one shows up here and moves it back into the table.
 */
const taggerFalsePositives = new Map<string, string>([
  ['As the storm approached, residents added sandbags to their doors.', '“added sandbags”, 0.92'],
  ['About 10 percent of voters picked “none of the above” and said the vote was rigged.', '“picked”, 0.92'],
  ['Despite the criticism, he found the speech “very moving” and called it a turning point.', '“found”, 0.996'],
  ['A man named John Smith was arrested on Friday.', '“named”, 0.99'],
  ['“It was fine,” said the court’s tone had changed over the course of the long hearing.', '“said” with no source, 0.99']
])

const rulesAlone = createAnalyzer({attributionModel: {model: null}})
function analyzeWithRulesAlone(text: string): {text: string; attributions: Attribution[]} {
  const file = new VFile({value: text})
  rulesAlone.runSync(rulesAlone.parse(file), file)
  return {text, attributions: file.data.attributions ?? []}
}

function check(analysis: {text: string; attributions: Attribution[]}, expected: Projection[]): void {
  const {text, attributions} = analysis
  expect(attributions.map(project)).toEqual(expected)
  expect(attributions).toHaveLength(expected.length)
  expect(offsetMismatches(text, attributions)).toEqual([])
}

describe('attribution table', () => {
  for (const [name, cases] of groups) {
    describe(name, () => {
      for (const {sentence, expected} of cases) {
        const falsePositive = taggerFalsePositives.get(sentence)
        if (falsePositive === undefined) {
          it(sentence, () => check(analyze(sentence), expected))
        } else {
          it(`${sentence} (rules alone)`, () => check(analyzeWithRulesAlone(sentence), expected))
          it.fails(`${sentence} (known gap: the tagger adds ${falsePositive})`, () => check(analyze(sentence), expected))
        }
      }
    })
  }
})

describe('the known tagger false positives', () => {
  it('are all sentences of the table', () => {
    const sentences = new Set(groups.flatMap(([, cases]) => cases.map((item) => item.sentence)))
    expect([...taggerFalsePositives.keys()].filter((sentence) => !sentences.has(sentence))).toEqual([])
  })
})

describe('a sentence longer than any in news', () => {
  it('is read in stretches of 400 tokens: a cue in a later stretch is found there', () => {
    // 2 + 2 × 250 tokens before the second cue: past the first stretch.
    const filler = Array.from({length: 250}, (_, index) => `word${index} ,`).join(' ')
    const sentence = `Officials said ${filler} and the minister said prices would rise`
    const {text, attributions} = analyze(sentence)
    expect(attributions.map((attribution) => [attribution.source?.text, attribution.cue.text])).toContainEqual(['the minister', 'said'])
    const minister = attributions.find((attribution) => attribution.source?.text === 'the minister')!
    expect(minister.content.map((span) => span.text)).toEqual(['prices would rise'])
    // The first stretch ends after token 400 ("word198 ,"): what "Officials said" is read to say ends there.
    const officials = attributions.find((attribution) => attribution.source?.text === 'Officials')!
    expect(officials.content.at(-1)!.text.endsWith('word198')).toBe(true)
    expect(offsetMismatches(text, attributions)).toEqual([])
  })
})
