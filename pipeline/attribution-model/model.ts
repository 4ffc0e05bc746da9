import {readFileSync} from 'node:fs'
import {Lattice, labelCount, labels, viterbi} from './crf.ts'
import type {DecodeOptions} from './decode.ts'
import {EmissionTables} from './emissions.ts'
import type {FlagLexicon, TaggerSentence} from './features.ts'
import {FeatureIndex, type SentenceRows} from './index-of-features.ts'

/** The tagger's weights file (`data/model.json`), as `npm run train -- attribution` writes it. */
export interface TaggerModelFile {
  /** What data, which rows, their terms, the command and the figures. */
  header: Record<string, unknown>
  labels: string[]
  /** Weight of opening a sentence with each tag. */
  starts: number[]
  /** `transitions[from][to]`. */
  transitions: number[][]
  /** Each feature's weight per tag, in `labels` order; features of no weight are left out. */
  features: Record<string, number[]>
}

export const taggerModelUrl = new URL('./data/model.json', import.meta.url)

/** What the tagger makes of a sentence: the best tags, and each token's probability of each tag. */
export interface Tagging {
  path: Uint8Array
  /**
   * n × labelCount: P(tag y at token t). Left out when neither the rules nor
   * the best tags hold a cue in the sentence: decoding asks for no
   * probability there, and most sentences of news are such.
   */
  marginals?: Float64Array
}

/** A linear-chain CRF over the features of `features.ts`. */
export class Tagger {
  private readonly lattice = new Lattice()
  /** The emission scores of `rowsOf` × `weights`, summed ahead per token (what `tag` uses). */
  readonly tables: EmissionTables
  /** The decoding thresholds the trainer chose on development data, when the file records them. */
  decoding: DecodeOptions | undefined

  constructor(
    readonly index: FeatureIndex,
    /** rows × labelCount. */
    readonly weights: Float64Array,
    readonly transitions: Float64Array,
    readonly starts: Float64Array,
    readonly flagLexicon: FlagLexicon
  ) {
    this.lattice.setTransitions(transitions, starts)
    this.tables = new EmissionTables(index, weights, flagLexicon)
  }

  static fromFile(model: TaggerModelFile, flagLexicon: FlagLexicon, where = 'the tagger model'): Tagger {
    if (model.labels.join(' ') !== labels.join(' ')) throw new Error(`${where}: labels must be ${labels.join(', ')}`)
    const index = new FeatureIndex(flagLexicon.wordClasses.names)
    const names = Object.keys(model.features)
    const weights = new Float64Array(names.length * labelCount)
    for (const name of names) {
      const row = index.add(name)
      const values = model.features[name]!
      if (values.length !== labelCount) throw new Error(`${where}: feature ${JSON.stringify(name)} must have ${labelCount} weights`)
      for (let y = 0; y < labelCount; y++) weights[row * labelCount + y] = values[y]!
    }
    const transitions = Float64Array.from(model.transitions.flat())
    const starts = Float64Array.from(model.starts)
    if (transitions.length !== labelCount * labelCount || starts.length !== labelCount) throw new Error(`${where}: transitions must be ${labelCount} × ${labelCount}, starts ${labelCount}`)
    const tagger = new Tagger(index, weights, transitions, starts, flagLexicon)
    const chosen = (model.header['hyperparameters'] as {decoding?: Partial<DecodeOptions>} | undefined)?.decoding
    if (typeof chosen?.keepRule === 'number' && typeof chosen.newCue === 'number') {
      tagger.decoding = {keepRule: chosen.keepRule, newCue: chosen.newCue, cueExtent: chosen.cueExtent === true, fillSource: chosen.fillSource === true}
    }
    return tagger
  }

  static load(flagLexicon: FlagLexicon, url: URL = taggerModelUrl): Tagger {
    let model: TaggerModelFile
    try {
      model = JSON.parse(readFileSync(url, 'utf8')) as TaggerModelFile
    } catch (error) {
      throw new Error(`cannot read the attribution tagger's model ${url.pathname}: ${(error as Error).message}. Train it: npm run train -- attribution`)
    }
    return Tagger.fromFile(model, flagLexicon, url.pathname)
  }

  /** Each token's score of each tag from its features. */
  emissions(rows: SentenceRows): Float64Array {
    const {n, offsets, rows: features} = rows
    const weights = this.weights
    const scores = new Float64Array(n * labelCount)
    for (let t = 0; t < n; t++) {
      const base = t * labelCount
      for (let at = offsets[t]!; at < offsets[t + 1]!; at++) {
        const row = features[at]! * labelCount
        for (let y = 0; y < labelCount; y++) scores[base + y]! += weights[row + y]!
      }
    }
    return scores
  }

  tag(sentence: TaggerSentence): Tagging {
    const n = sentence.tokens.length
    const scores = this.tables.emissionsOf(sentence)
    const path = viterbi(scores, this.transitions, this.starts, n)
    if (!hasCue(sentence.roles) && !hasCue(path)) return {path}
    this.lattice.run(scores, n)
    const marginals = new Float64Array(n * labelCount)
    for (let t = 0; t < n; t++) for (let y = 0; y < labelCount; y++) marginals[t * labelCount + y] = this.lattice.marginal(t, y)
    return {path, marginals}
  }
}

/** Whether tags (B-/I-CUE are 3 and 4) hold a cue. */
function hasCue(tags: Uint8Array): boolean {
  for (let t = 0; t < tags.length; t++) if (tags[t] === 3 || tags[t] === 4) return true
  return false
}
