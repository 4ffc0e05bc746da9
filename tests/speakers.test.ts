import {describe, expect, it} from 'vitest'
import {analyze} from './helpers.ts'

/**
 * Pronoun sources linked to the person named before them. Each case: the
 * text, the pronoun source's cue, and the person it should stand for (null:
 * nobody fits).
 */
const cases: Array<{name: string; text: string; cue: string; refersTo: string | null}> = [
  {
    name: 'a titled name in the sentence before',
    text: 'Sen. Patty Murray criticized the package on Wednesday. “It leaves out farmers in the Northwest,” she said.',
    cue: 'said',
    refersTo: 'Sen. Patty Murray'
  },
  {
    name: 'a title tells the sex: Mr. is passed over for she',
    text: 'Mr. Sanders met Mrs. Clinton in Des Moines on Monday. “We agreed on more than we disagree,” she said.',
    cue: 'said',
    refersTo: 'Mrs. Clinton'
  },
  {
    name: 'a given name tells the sex',
    text: 'Secretary of State John Kerry met Sen. Kelly Ayotte on Monday. “It was a useful meeting,” she said.',
    cue: 'said',
    refersTo: 'Sen. Kelly Ayotte'
  },
  {
    name: 'a surname names again someone named in full',
    text: 'Sen. Patty Murray opposed the bill. Later, Murray met the governor in Olympia. “We talked for an hour,” she said.',
    cue: 'said',
    refersTo: 'Murray'
  },
  {
    name: 'a named source before, in the same sentence',
    text: 'After Gov. Ed Rendell read the report, he said the party should wait.',
    cue: 'said',
    refersTo: 'Gov. Ed Rendell'
  },
  {
    name: 'a named source of an earlier attribution',
    text: 'Fowler said the party had a plan. “It is something you would be a fool not to prepare for,” he said.',
    cue: 'said',
    refersTo: 'Fowler'
  },
  {
    name: 'a name inside a quotation is not the speaker',
    text: 'Mr. Trump spoke in Novi on Friday. “Mr. President, will you pledge not to issue a pardon?” he asked.',
    cue: 'asked',
    refersTo: 'Mr. Trump'
  },
  {
    name: 'an earlier "he" carries its person on',
    text: 'Sen. Ted Cruz won Texas on Tuesday. Though he did not mention Sen. Marco Rubio by name, he said rivals should drop out.',
    cue: 'said',
    refersTo: 'Sen. Ted Cruz'
  },
  {
    name: 'nobody named before',
    text: '“It is not enough,” he said.',
    cue: 'said',
    refersTo: null
  },
  {
    name: 'only a person of the other sex',
    text: 'Mrs. Clinton spoke first. “We will win this state,” he said.',
    cue: 'said',
    refersTo: null
  },
  {
    name: 'too far back',
    text: `Sen. Patty Murray spoke first. ${'The committee then reviewed the budget line by line for the rest of the afternoon. '.repeat(14)}“It is not enough,” she said.`,
    cue: 'said',
    refersTo: null
  }
]

describe('retextSpeakers', () => {
  for (const {name, text, cue, refersTo} of cases) {
    it(name, () => {
      const {attributions} = analyze(text)
      const attribution = attributions.find((item) => item.cue.text === cue && item.source?.type === 'pronoun')
      expect(attribution, 'a pronoun-source attribution').toBeDefined()
      const link = attribution!.source!.refersTo
      if (refersTo === null) {
        expect(link).toBeNull()
        return
      }
      expect(link?.text).toBe(refersTo)
      expect(text.slice(link!.start, link!.end)).toBe(refersTo)
      expect(link!.end).toBeLessThanOrEqual(attribution!.source!.start)
    })
  }

  it('points refers_to at the name in an HTML file, character references and all', () => {
    const html = '<p>Sen. John Sch&ouml;n spoke on Monday. Sch&ouml;n&#8217;s aides were upset. “It was bad,” he said.</p>'
    const {attributions} = analyze(html, 'seeds/page.html')
    const link = attributions.find((item) => item.source?.type === 'pronoun')?.source?.refersTo
    expect(link?.text).toBe('Schön’s')
    expect(html.slice(link!.start, link!.end)).toBe('Sch&ouml;n&#8217;s')
  })

  it('leaves named sources without a link', () => {
    const {attributions} = analyze('Sen. Patty Murray said the bill fell short.')
    expect(attributions).toHaveLength(1)
    expect(attributions[0]!.source?.refersTo).toBeUndefined()
  })

  it('writes refers_to in the YAML of pronoun sources only', () => {
    const {yaml} = analyze('Sen. Patty Murray criticized the package. “It leaves out farmers,” she said. Murray said the vote would be close.')
    expect(yaml).toMatch(/text: "she"\n {10}type: pronoun\n[^]*?\n {10}refers_to: \{text: "Sen\. Patty Murray", start: 0, end: 17\}\n/u)
    expect(yaml.match(/refers_to:/gu)).toHaveLength(1)
  })
})
