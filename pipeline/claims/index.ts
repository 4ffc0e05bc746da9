import type {Root} from 'nlcst'
import type {Transformer} from 'unified'
import {Phrases, type Token, tokenize} from '../attribution/tokens.ts'
import {Lexicon, lowerSet} from '../lexicon.ts'
import {afterEarlierSections, bodySentences, fromSection} from '../ranges.ts'
import {textView} from '../text.ts'
import type {Span} from '../types.ts'
import {type ClaimModel, ModelScorer, loadModel, logistic, modelWords} from './model.ts'
import {type Quantity, QuantityFinder} from './quantities.ts'

export type ClaimType =
  | 'quantity/current-value'
  | 'quantity/change'
  | 'quantity/comparison'
  | 'quantity/ranking'
  | 'prediction'
  | 'correlation-causation'
  | 'rules-laws'
  | 'personal-experience'
  | 'other-factual'
  | 'not-a-claim'

export interface Claim {
  /** Start offset of the sentence. */
  sentence: number
  /** Check-worthiness, 0–1; a claim from 0.5. */
  score: number
  /** After Full Fact's scheme. */
  types: ClaimType[]
  /** The features behind the score. */
  reasons: string[]
  quantities: Quantity[]
  hedges: Span[]
}

export interface ClaimOptions {
  /**
   * The check-worthiness model (data/model.json, trained by `npm run train --
   * claims`) when absent; `null` scores with the hand-set weights of
   * data/claims.yml alone, as the tool did before it had a model.
   */
  model?: ClaimModel | null
}

/** The named features a sentence can show, in the order its reasons list them. */
export const namedFeatures = [
  'quantity',
  'money-or-percent',
  'date',
  'change',
  'comparison',
  'ranking',
  'causation',
  'rules',
  'past-fact',
  'named',
  'attributed',
  'factual',
  'vague',
  'question',
  'opinion',
  'intent',
  'obligation',
  'short',
  'hedged'
] as const

/** How many words and word pairs a claim's reasons name, beside its features. */
const explainedGrams = 3

declare module 'vfile' {
  interface DataMap {
    claims: Claim[]
  }
}

/** A sentence scoring this much or more is offered as a claim. */
export const claimThreshold = 0.5

/** The features a sentence's words show, each a bit: a sentence's are one number, not a set. */
const featureBit = {
  change: 1,
  comparison: 2,
  ranking: 4,
  causation: 8,
  rules: 16,
  'past-fact': 32,
  factual: 64,
  vague: 128,
  named: 256,
  opinion: 512,
  intent: 1024,
  obligation: 2048
} as const
type Feature = keyof typeof featureBit
/** The bits of a word's features. */
const featureBits = 4095
/** Above the features' bits: the lists with a phrase starting at the word, each a bit. */
const phraseBit = {
  predictions: 1 << 12,
  opinion: 1 << 13,
  intent: 1 << 14,
  obligation: 1 << 15,
  hedges: 1 << 16,
  approximators: 1 << 17
} as const

/**
 * Scores every body sentence for check-worthiness, types its claims after
 * Full Fact's scheme, and finds its quantities (normalised) and hedges, on
 * `file.data.claims`. Sentences in furniture, headings or the dateline are
 * not claims. Word lists and weights: data/claims.yml, data/quantities.yml.
 * The score comes from the trained model (data/model.json); its reasons are
 * the named features, then the words that moved the score most, signed
 * (`+percent`, `-think`).
 */
export default function retextClaims(options: ClaimOptions = {}): Transformer<Root> {
  const model = options.model === undefined ? loadModel() : options.model
  const scorer = model ? new ModelScorer(model) : undefined
  const lexicon = new Lexicon(new URL('./data/claims.yml', import.meta.url))
  const weights = lexicon.numbers('weights')
  const weight = (feature: string): number => weights.get(feature) ?? 0
  const words = (key: string): Set<string> => lowerSet(lexicon.strings(key))
  const change = words('change')
  const comparison = words('comparison')
  const ranking = words('ranking')
  const causation = words('causation')
  const rules = words('rules')
  const pastFact = words('past-fact')
  const firstPerson = words('first-person')
  const factual = words('factual')
  const vague = words('vague')
  const predictions = new Phrases(lexicon.strings('predictions'))
  const opinion = new Phrases(lexicon.strings('opinion'))
  const intent = new Phrases(lexicon.strings('intent'))
  const obligation = new Phrases(lexicon.strings('obligation'))
  const hedges = new Phrases(lexicon.strings('hedges'))
  const approximators = new Phrases(lexicon.strings('approximators'))
  const quantities = new QuantityFinder()
  /**
   * What a word tells, as bits of one number: its features ("rose" is change, "than" comparison,
   * "voted" factual), and whether a phrase of the lists below can start at it. One lookup per token.
   */
  const wordBits = new Map<string, number>()
  const featureWords: Array<[Feature, Set<string>]> = [
    ['change', change],
    ['comparison', comparison],
    ['ranking', ranking],
    ['causation', causation],
    ['rules', rules],
    ['past-fact', pastFact],
    ['factual', factual],
    ['vague', vague]
  ]
  for (const [feature, set] of featureWords) {
    for (const word of set) wordBits.set(word, (wordBits.get(word) ?? 0) | featureBit[feature])
  }
  // A phrase list is matched only at a word some phrase of it starts with: mostly one list of six.
  const phraseLists = {predictions, opinion, intent, obligation, hedges, approximators}
  for (const [key, list] of Object.entries(phraseLists) as Array<[keyof typeof phraseLists, Phrases]>) {
    for (const first of list.firstWords()) wordBits.set(first, (wordBits.get(first) ?? 0) | phraseBit[key])
  }

  return function (tree, file) {
    const text = textView(tree, file)
    // A long article runs a section at a time: what earlier sections found stays, and only this
    // section's attributions can be of its sentences.
    const sectionStart = file.data.section?.start ?? 0
    const attributed = new Set<number>()
    for (const attribution of fromSection(file.data.attributions ?? [], sectionStart, (found) => found.sentence)) attributed.add(attribution.sentence)
    const claims: Claim[] = []
    for (const {sentence, start} of bodySentences(tree, file)) {
      claims.push(assess(tokenize(sentence, text), start, attributed.has(start)))
    }
    file.data.claims = afterEarlierSections(file.data.claims, sectionStart, claims, (claim) => claim.sentence)

    function assess(tokens: Token[], start: number, isAttributed: boolean): Claim {
      const found = quantities.find(tokens, text)
      // "one more question", "I mentioned one": a bare one counts nothing worth checking.
      const measures = found.filter((quantity) => quantity.kind !== 'date' && !(quantity.kind === 'count' && quantity.unit === null && (quantity.value ?? 0) <= 1))
      // One pass over the tokens: word features by lookup, phrases only where one can start.
      let present = 0
      const hedgeSpans: Span[] = []
      let wordCount = 0
      let firstPersonSingular = false
      let prediction = false
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        const bits = wordBits.get(token.lower) ?? 0
        if (token.word) {
          wordCount++
          present |= bits & featureBits
          // Cheap tests on a hot path: a lower-case word ending in -ed; a word whose first letter has a
          // lower case (a word that is its own lower case has none: one comparison of the same string).
          if (token.text === token.lower) {
            if (token.lower.endsWith('ed')) present |= featureBit['past-fact']
          } else if (wordCount > 1 && token.text.charAt(0) !== token.lower.charAt(0) && !firstPerson.has(token.lower)) present |= featureBit.named
          if (token.lower === 'i') firstPersonSingular = true
        }
        if (bits <= featureBits) continue
        if ((bits & phraseBit.opinion) !== 0 && opinion.match(tokens, index) !== undefined) present |= featureBit.opinion
        if ((bits & phraseBit.intent) !== 0 && intent.match(tokens, index) !== undefined) present |= featureBit.intent
        if ((bits & phraseBit.obligation) !== 0 && obligation.match(tokens, index) !== undefined) present |= featureBit.obligation
        if ((bits & phraseBit.predictions) !== 0 && predictions.match(tokens, index) !== undefined) prediction = true
        let end = (bits & phraseBit.hedges) !== 0 ? hedges.match(tokens, index) : undefined
        if (end === undefined && (bits & phraseBit.approximators) !== 0) {
          end = approximators.match(tokens, index)
          if (end !== undefined && !/^[\d$£€¥]/u.test(tokens[end]?.text ?? '')) end = undefined
        }
        if (end !== undefined) {
          const last = tokens[end - 1]!
          hedgeSpans.push({start: token.start, end: last.end, text: text.slice(token.start, last.end)})
        }
      }
      const features: string[] = []
      if (measures.length > 0) features.push('quantity')
      if (measures.some((quantity) => quantity.kind === 'money' || quantity.kind === 'percent' || quantity.kind === 'percentage-points')) {
        features.push('money-or-percent')
      }
      if (found.some((quantity) => quantity.kind === 'date')) features.push('date')
      if (measures.some((quantity) => quantity.kind === 'multiplier')) present |= featureBit.comparison
      for (const feature of ['change', 'comparison', 'ranking', 'causation', 'rules', 'past-fact', 'named'] as const) {
        if (present & featureBit[feature]) features.push(feature)
      }
      if (isAttributed) features.push('attributed')
      for (const feature of ['factual', 'vague'] as const) if (present & featureBit[feature]) features.push(feature)
      if (tokens.at(-1)?.text.includes('?') || tokens.at(-2)?.text === '?') features.push('question')
      for (const feature of ['opinion', 'intent', 'obligation'] as const) if (present & featureBit[feature]) features.push(feature)
      if (wordCount < 6) features.push('short')
      if (hedgeSpans.length > 0) features.push('hedged')

      let probability: number
      const reasons: string[] = [...features]
      if (scorer) {
        const scored = scorer.score(modelWords(tokens), features, explainedGrams)
        probability = scored.probability
        for (const {gram, value} of scored.strongest) reasons.push(`${value > 0 ? '+' : '-'}${gram}`)
      } else {
        const sum = weight('bias') + features.reduce((total, feature) => total + weight(feature), 0)
        probability = logistic(sum)
      }
      const score = Math.round(probability * 1000) / 1000
      const types: ClaimType[] = []
      const notAClaim = features.includes('question') || features.includes('opinion') || score < claimThreshold
      if (!notAClaim) {
        if (measures.length > 0) {
          if (features.includes('comparison')) types.push('quantity/comparison')
          else if (features.includes('ranking')) types.push('quantity/ranking')
          else if (features.includes('change')) types.push('quantity/change')
          else types.push('quantity/current-value')
        }
        if (prediction) types.push('prediction')
        if (features.includes('causation')) types.push('correlation-causation')
        if (features.includes('rules')) types.push('rules-laws')
        if (firstPersonSingular && features.includes('past-fact')) types.push('personal-experience')
        if (types.length === 0) types.push('other-factual')
      } else types.push('not-a-claim')
      return {sentence: start, score, types, reasons, quantities: found, hedges: hedgeSpans}
    }
  }
}
