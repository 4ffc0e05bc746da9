import type {Root} from 'nlcst'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import retextAttribution from '../pipeline/attribution/index.ts'
import {SourceTyper} from '../pipeline/attribution/source.ts'
import retextEnglishLines from '../pipeline/parse/index.ts'
import retextNewsSentences from '../pipeline/sentences/index.ts'
import {textView} from '../pipeline/text.ts'
import {readSentences} from '../pipeline/attribution-model/sentences.ts'
import {Lattice, labelCount, labels, viterbi} from '../pipeline/attribution-model/crf.ts'
import {type DecodeOptions, decode, defaultDecoding, roleProbability, spansOf} from '../pipeline/attribution-model/decode.ts'
import {enumTemplates, featureName, templateNames} from '../pipeline/attribution-model/features.ts'
import {FeatureIndex} from '../pipeline/attribution-model/index-of-features.ts'
import {WordClasses} from '../pipeline/attribution-model/word-classes.ts'
import {loadCueLexicon} from '../pipeline/attribution/lexicon.ts'
import {FlagLexicon} from '../pipeline/attribution-model/features.ts'
import {Tagger} from '../pipeline/attribution-model/model.ts'
import {analyze} from './helpers.ts'

const L = labelCount

/** A small deterministic lattice: scores from a seeded generator. */
function lattice(n: number, seed: number): {emissions: Float64Array; transitions: Float64Array; starts: Float64Array} {
  let state = seed
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return (state / 2147483648) * 4 - 2
  }
  return {
    emissions: Float64Array.from({length: n * L}, next),
    transitions: Float64Array.from({length: L * L}, next),
    starts: Float64Array.from({length: L}, next)
  }
}

/** Every tag sequence of length n, with its score. */
function* paths(n: number): Generator<number[]> {
  const path = new Array<number>(n).fill(0)
  for (;;) {
    yield [...path]
    let at = n - 1
    while (at >= 0 && path[at] === L - 1) path[at--] = 0
    if (at < 0) return
    path[at]!++
  }
}

function score(path: number[], {emissions, transitions, starts}: ReturnType<typeof lattice>): number {
  let total = starts[path[0]!]! + emissions[path[0]!]!
  for (let t = 1; t < path.length; t++) total += transitions[path[t - 1]! * L + path[t]!]! + emissions[t * L + path[t]!]!
  return total
}

describe('the tagger’s CRF arithmetic, against every path of short sentences', () => {
  for (const [n, seed] of [
    [1, 1],
    [2, 7],
    [3, 42]
  ] as const) {
    it(`${n} token${n === 1 ? '' : 's'}: Viterbi finds the best path, forward–backward the exact marginals and log Z`, () => {
      const model = lattice(n, seed)
      let best: number[] = []
      let bestScore = -Infinity
      let z = 0
      const marginals = new Float64Array(n * L)
      const pair = new Float64Array(L * L)
      for (const path of paths(n)) {
        const value = score(path, model)
        if (value > bestScore) {
          bestScore = value
          best = path
        }
        z += Math.exp(value)
        path.forEach((label, t) => {
          marginals[t * L + label]! += Math.exp(value)
        })
        if (n > 1) pair[path[0]! * L + path[1]!]! += Math.exp(value)
      }
      expect([...viterbi(model.emissions, model.transitions, model.starts, n)]).toEqual(best)
      const forward = new Lattice()
      forward.setTransitions(model.transitions, model.starts)
      expect(forward.run(model.emissions, n)).toBeCloseTo(Math.log(z), 9)
      for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) expect(forward.marginal(t, y)).toBeCloseTo(marginals[t * L + y]! / z, 9)
      if (n > 1) for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) expect(forward.pairMarginal(1, a, b)).toBeCloseTo(pair[a * L + b]! / z, 9)
    })
  }
})

const tag = (...names: string[]): Uint8Array => Uint8Array.from(names, (name) => labels.indexOf(name as (typeof labels)[number]))

describe('spans from tags', () => {
  const cases: Array<[string, Uint8Array, Array<[number, number, number]>]> = [
    ['source, cue, content', tag('B-SOURCE', 'I-SOURCE', 'B-CUE', 'B-CONTENT', 'I-CONTENT', 'O'), [[1, 0, 1], [2, 2, 2], [3, 3, 4]]],
    ['an I- tag with no B- before it opens a span', tag('O', 'I-CUE', 'I-CUE', 'O'), [[2, 1, 2]]],
    ['a B- tag splits two spans of one role', tag('B-CONTENT', 'I-CONTENT', 'B-CONTENT', 'I-CONTENT'), [[3, 0, 1], [3, 2, 3]]],
    ['nothing', tag('O', 'O'), []]
  ]
  for (const [name, path, expected] of cases) {
    it(name, () => {
      expect(spansOf(path).map((span) => [span.role, span.from, span.to])).toEqual(expected)
    })
  }

  it('reads a role’s probability as the mean over its tokens of B- and I-', () => {
    const marginals = new Float64Array(2 * L)
    marginals[labels.indexOf('B-CUE')] = 0.6
    marginals[L + labels.indexOf('I-CUE')] = 0.2
    marginals[L + labels.indexOf('B-CUE')] = 0.2
    expect(roleProbability({path: new Uint8Array(2), marginals}, 0, 1, 2)).toBeCloseTo(0.5, 12)
  })
})

describe('feature names', () => {
  it('every template is named once, and the index reads back what it was given', () => {
    expect(new Set(templateNames).size).toBe(templateNames.length)
    const classes = WordClasses.load().names
    const index = new FeatureIndex(classes)
    index.addAllEnumerated()
    const classRows = classes.length * 3 + classes.length * (labels.length + 1)
    expect(index.rowCount).toBe(enumTemplates.reduce((sum, template) => sum + template.values.length, 0) + classRows)
    expect(index.add(featureName('word class', 'verb.communication'))).toBe(index.classRows[0]![classes.indexOf('verb.communication')])
    expect(index.add(featureName('word', 'said'))).toBe(index.rowCount - 1)
    expect(index.add(featureName('word', 'said'))).toBe(index.rowCount - 1)
    expect(() => index.add('word-9=said')).toThrow(/unknown feature template "word-9"/u)
    expect(() => index.add('shape=curly')).toThrow(/unknown value "curly" of template "shape"/u)
  })
})

describe('the shipped tagger in the pipeline', () => {
  it('gives every attribution a confidence between 0 and 1, and keeps the rules’ clear cases', () => {
    const {attributions} = analyze('“We have a path forward,” Thune told reporters on Tuesday.\n\nThe talks stalled, according to people familiar with the matter.\n')
    expect(attributions.map((attribution) => [attribution.rule, attribution.cue.text])).toEqual([
      ['postposed', 'told'],
      ['according-to', 'according to']
    ])
    for (const attribution of attributions) {
      expect(attribution.confidence).toBeGreaterThanOrEqual(0)
      expect(attribution.confidence).toBeLessThanOrEqual(1)
    }
  })
})

describe('the tagger’s emission scores, summed ahead per token, against its feature rows', () => {
  const article = [
    '“We have a path forward,” Thune told reporters on Tuesday, adding that the SENATE would vote.',
    'The talks stalled, according to people familiar with the matter, and officials said “nothing” had changed.',
    'Zyxqwv blorfed.',
    'Yes.',
    'The senator blasted the plan as reckless; the White House declined to comment.'
  ].join('\n\n')
  const processor = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextAttribution).freeze()
  const file = new VFile({value: article})
  const tree = processor.runSync(processor.parse(file), file) as Root
  const sentences = readSentences(tree, file, file.data.attributions ?? [])
  const typer = new SourceTyper(new URL('../pipeline/attribution/data/sources.yml', import.meta.url))
  const flagLexicon = new FlagLexicon(loadCueLexicon(), typer)
  const tagger = Tagger.load(flagLexicon)

  it('reads every sentence of the article, with and without the rules’ cues', () => {
    expect(sentences).toHaveLength(5)
    expect(sentences.filter((sentence) => sentence.rules.length > 0).length).toBeGreaterThan(0)
    expect(sentences.filter((sentence) => sentence.rules.length === 0).length).toBeGreaterThan(0)
  })

  for (const [index, sentence] of sentences.entries()) {
    it(`sentence ${index + 1}: the same score for every token and tag`, () => {
      const expected = tagger.emissions(tagger.index.rowsOf(sentence.input, flagLexicon))
      const computed = tagger.tables.emissionsOf(sentence.input)
      const n = sentence.input.tokens.length
      expect(expected).toHaveLength(n * L)
      for (let at = 0; at < n * L; at++) expect(computed[at]).toBeCloseTo(expected[at]!, 9)
    })
  }

  it('gives probabilities where a cue is, and leaves them out where neither the rules nor the tags hold one', () => {
    for (const sentence of sentences) {
      const tagging = tagger.tag(sentence.input)
      const cue = (tags: Uint8Array): boolean => tags.some((tag) => tag === 3 || tag === 4)
      expect(tagging.marginals !== undefined).toBe(cue(sentence.input.roles) || cue(tagging.path))
    }
    const blank = sentences.find((sentence) => sentence.input.tokens[0]!.text === 'Yes')!
    expect(tagger.tag(blank.input).marginals).toBeUndefined()
  })
})

describe('decoding: rules propose, the tagger decides', () => {
  const rulesAlone = unified().use(retextEnglishLines).use(retextNewsSentences).use(retextAttribution).freeze()
  const typer = new SourceTyper(new URL('../pipeline/attribution/data/sources.yml', import.meta.url))
  /** A sentence as the tagger reads it, with the rules' attributions, and a tagging given by word: "said" → B-CUE. */
  function decided(sentence: string, tags: Record<string, string>, options: Partial<DecodeOptions> = {}): Array<[string, string | null, string, string[], number | undefined]> {
    const file = new VFile({value: sentence})
    const tree = rulesAlone.runSync(rulesAlone.parse(file), file) as Root
    const [read] = readSentences(tree, file, file.data.attributions ?? [])
    const {tokens} = read!.input
    const path = Uint8Array.from(tokens, (token) => labels.indexOf((tags[token.text] ?? 'O') as (typeof labels)[number]))
    const marginals = new Float64Array(tokens.length * L)
    path.forEach((label, t) => {
      marginals[t * L + label] = 0.9
      marginals[t * L + (label === 0 ? 1 : 0)] = 0.1
    })
    return decode(read!, {path, marginals}, textView(tree, file), {typer}, {...defaultDecoding, ...options}).map((attribution) => [
      attribution.rule,
      attribution.source?.text ?? null,
      attribution.cue.text,
      attribution.content.map((span) => span.text),
      attribution.confidence
    ])
  }

  it('adds a cue only the tagger found, with its nearest content and source', () => {
    expect(decided('Critics excoriated the plan as reckless.', {Critics: 'B-SOURCE', excoriated: 'B-CUE', the: 'B-CONTENT', plan: 'I-CONTENT', as: 'I-CONTENT', reckless: 'I-CONTENT'})).toEqual([
      ['model', 'Critics', 'excoriated', ['the plan as reckless'], 0.9]
    ])
  })

  it('adds no attribution for a cue without content, nor one below the threshold', () => {
    expect(decided('Critics excoriated the plan as reckless.', {Critics: 'B-SOURCE', excoriated: 'B-CUE'})).toEqual([])
    expect(decided('Critics excoriated the plan as reckless.', {excoriated: 'B-CUE', plan: 'B-CONTENT'}, {newCue: 0.95})).toEqual([])
  })

  it('keeps a rule’s attribution the tagger tags, with the rule’s source and content, and its cue grown to the tagger’s span', () => {
    expect(decided('The mayor said on Tuesday that the budget would be balanced.', {said: 'B-CUE', on: 'I-CUE', Tuesday: 'I-CUE'})).toEqual([
      ['preposed', 'The mayor', 'said on Tuesday', ['the budget would be balanced'], 0.9]
    ])
    expect(decided('The mayor said on Tuesday that the budget would be balanced.', {said: 'B-CUE', on: 'I-CUE', Tuesday: 'I-CUE'}, {cueExtent: false})).toEqual([
      ['preposed', 'The mayor', 'said', ['the budget would be balanced'], 0.9]
    ])
  })

  it('keeps a rule’s attribution the tagger does not tag, at its low confidence, unless told to drop it', () => {
    expect(decided('The mayor said the budget would be balanced.', {})).toEqual([['preposed', 'The mayor', 'said', ['the budget would be balanced'], 0]])
    expect(decided('The mayor said the budget would be balanced.', {}, {keepRule: 0.5})).toEqual([])
  })
})
