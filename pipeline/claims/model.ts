import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/**
 * The check-worthiness model: a logistic regression over a sentence's words
 * (1–2-grams), the letters of its words (2–5-grams) and the claims plugin's
 * named features ("quantity", "opinion", …). Trained by `npm run train --
 * claims` (pipeline/train/claims.ts); this module reads it and scores with it.
 *
 * The features, as the trainer and the plugin both compute them:
 * - words: each word token, lower-cased, every digit written as 0 ("2017" →
 *   "0000"), and each pair of adjacent words joined by a space; each
 *   occurrence counts 1 / sqrt(2n − 1) for a sentence of n words;
 * - chars: each word padded as `<word>`, every substring of 2 to 5 letters of
 *   it; each occurrence counts 1 / sqrt(number of such substrings in the
 *   sentence);
 * - reasons: 1 for each named feature the plugin found.
 * The score is the logistic of bias + the sum of weight × value. The trainer
 * shifts the bias so that the threshold it chose is at 0.5.
 */
export interface ClaimModel {
  /** Provenance: data, terms, command, hyperparameters, cross-validation figures. */
  header: Record<string, unknown>
  bias: number
  reasons: Record<string, number>
  words: Record<string, number>
  chars: Record<string, number>
}

/** The error of a model file that does not have the model's shape. */
export class ModelError extends Error {
  override name = 'ModelError'
}

export const modelUrl = new URL('./data/model.json', import.meta.url)

/** Read and check a model file: every section present, every weight a finite number. */
export function loadModel(url: URL = modelUrl): ClaimModel {
  const path = fileURLToPath(url)
  let value: unknown
  try {
    value = JSON.parse(readFileSync(url, 'utf8'))
  } catch (error) {
    throw new ModelError(`${path}: cannot read the check-worthiness model: ${(error as Error).message}`)
  }
  return checkModel(value, path)
}

export function checkModel(value: unknown, path: string): ClaimModel {
  const fail = (what: string): never => {
    throw new ModelError(`${path}: ${what} (retrain with \`npm run train -- claims\`)`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object')
  const record = value as Record<string, unknown>
  if (typeof record['header'] !== 'object' || record['header'] === null) fail('expected a `header` object')
  if (typeof record['bias'] !== 'number' || !Number.isFinite(record['bias'])) fail('expected `bias` to be a number')
  for (const section of ['reasons', 'words', 'chars'] as const) {
    const weights = record[section]
    if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) fail(`expected \`${section}\` to be an object of weights`)
    for (const [feature, weight] of Object.entries(weights as object)) {
      if (typeof weight !== 'number' || !Number.isFinite(weight)) fail(`${section}: the weight of ${JSON.stringify(feature)} is not a number`)
    }
  }
  return record as unknown as ClaimModel
}

/** A word as the model sees it: lower case, digits as 0. */
export function modelWord(lower: string): string {
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index)
    if (code >= 48 && code <= 57) return lower.replace(/\d/gu, '0')
  }
  return lower
}

/** The words of a sentence's tokens as the model sees them, added to `into`. */
export function modelWords(tokens: ReadonlyArray<{word: boolean; lower: string}>, into: string[] = []): string[] {
  for (const token of tokens) if (token.word) into.push(modelWord(token.lower))
  return into
}

/**
 * What one occurrence of a word n-gram and of a letter n-gram counts in a
 * sentence of these (one or more) words: 1 / sqrt(2n − 1) and 1 / sqrt(its
 * letter n-grams).
 */
export function featureScales(words: readonly string[]): {word: number; char: number} {
  let grams = 0
  for (let index = 0; index < words.length; index++) grams += charGramCount(words[index]!.length)
  return {word: 1 / Math.sqrt(2 * words.length - 1), char: 1 / Math.sqrt(grams)}
}

/** How many letter n-grams (2–5) a word of this length gives, padded as `<word>`. */
export function charGramCount(length: number): number {
  const padded = length + 2
  let count = 0
  for (let size = 2; size <= 5; size++) count += Math.max(0, padded - size + 1)
  return count
}

/** Call `each` with every letter n-gram (2–5) of the word, padded as `<word>`. */
export function forEachCharGram(word: string, each: (gram: string) => void): void {
  const padded = `<${word}>`
  for (let size = 2; size <= 5; size++) {
    for (let start = 0; start + size <= padded.length; start++) each(padded.slice(start, start + size))
  }
}

/** A word or pair of words and what it added to a sentence's score. */
export interface Contribution {
  gram: string
  value: number
}

export interface ModelScore {
  probability: number
  /** The words and word pairs that moved the score most, strongest first (at most `explain`). */
  strongest: Contribution[]
}

/** How many words the scorer remembers: the vocabulary of a few hundred articles. */
const recentWords = 32768

interface TrieNode {
  /** The weight of the gram ending here (0 for none; a one-letter prefix never has one). */
  weight: number
  /** Children by character code: an array for ASCII (most text), a map for the rest. */
  ascii?: Array<TrieNode | undefined>
  other?: Map<number, TrieNode>
}

/**
 * Scores sentences with a model. Built once per plugin; remembers what the
 * model knows of each word, so a word seen before costs one lookup.
 */
export class ModelScorer {
  private readonly bias: number
  private readonly reasonWeights: Map<string, number>
  private readonly unigrams: Map<string, number>
  /** First word → second word → weight: a pair is looked up without joining the words. */
  private readonly bigrams: Map<string, Map<string, number>>
  /** The letter n-grams' weights as a trie by character code: a new word is read without cutting it. */
  private readonly charTrie: TrieNode = {weight: 0}
  /** What the model knows of the words seen, by slot: a word seen before costs one lookup; the table starts afresh when full. */
  private readonly recent = new Map<string, number>()
  private readonly recentUnigram = new Float64Array(recentWords)
  private readonly recentChars = new Float64Array(recentWords)
  private readonly recentNext: Array<Map<string, number> | undefined> = []

  constructor(model: ClaimModel) {
    this.bias = model.bias
    this.reasonWeights = new Map(Object.entries(model.reasons))
    this.unigrams = new Map()
    this.bigrams = new Map()
    for (const [gram, weight] of Object.entries(model.words)) {
      const space = gram.indexOf(' ')
      if (space === -1) this.unigrams.set(gram, weight)
      else {
        const first = gram.slice(0, space)
        let seconds = this.bigrams.get(first)
        if (!seconds) this.bigrams.set(first, (seconds = new Map()))
        seconds.set(gram.slice(space + 1), weight)
      }
    }
    for (const [gram, weight] of Object.entries(model.chars)) {
      let node = this.charTrie
      for (let index = 0; index < gram.length; index++) {
        const code = gram.charCodeAt(index)
        let child = code < 128 ? node.ascii?.[code] : node.other?.get(code)
        if (!child) {
          child = {weight: 0}
          if (code < 128) (node.ascii ??= new Array<TrieNode | undefined>(128).fill(undefined))[code] = child
          else (node.other ??= new Map()).set(code, child)
        }
        node = child
      }
      node.weight = weight
    }
  }

  /**
   * The word's slot in the arrays of words seen: on first sight, its unigram weight, the pairs it
   * starts, and the sum of its letter n-grams' weights (every substring of 2 to 5 characters of
   * `<word>`, walked down the trie from each start).
   */
  private known(word: string): number {
    const remembered = this.recent.get(word)
    if (remembered !== undefined) return remembered
    let chars = 0
    const last = word.length + 1
    const root = this.charTrie
    for (let start = 0; start < last; start++) {
      let node: TrieNode | undefined = root
      const end = Math.min(last, start + 4)
      for (let at = start; at <= end; at++) {
        const code = at === 0 ? 60 : at === last ? 62 : word.charCodeAt(at - 1)
        node = code < 128 ? node.ascii?.[code] : node.other?.get(code)
        if (node === undefined) break
        chars += node.weight
      }
    }
    if (this.recent.size >= recentWords) this.recent.clear()
    const slot = this.recent.size
    this.recent.set(word, slot)
    this.recentUnigram[slot] = this.unigrams.get(word) ?? 0
    this.recentChars[slot] = chars
    this.recentNext[slot] = this.bigrams.get(word)
    return slot
  }

  /** Score a sentence from its words (as `modelWord` gives them) and its named features. */
  score(words: readonly string[], reasons: readonly string[], explain = 0): ModelScore {
    let sum = this.bias
    for (const reason of reasons) sum += this.reasonWeights.get(reason) ?? 0
    const count = words.length
    if (count === 0) return {probability: logistic(sum), strongest: []}
    const {word: wordScale, char: charScale} = featureScales(words)
    // What each word and pair added, kept in scratch arrays reused from sentence to sentence: the
    // strongest are picked after the sum, and only they become strings.
    if (explain > 0 && wordValues.length < count) {
      wordValues = new Float64Array(count * 2)
      pairValues = new Float64Array(count * 2)
    }
    for (let index = 0; index < count; index++) {
      const word = words[index]!
      const slot = this.known(word)
      const value = this.recentUnigram[slot]! * wordScale + this.recentChars[slot]! * charScale
      sum += value
      let pair = 0
      const next = this.recentNext[slot]
      if (next !== undefined && index + 1 < count) {
        const weight = next.get(words[index + 1]!)
        if (weight !== undefined) pair = weight * wordScale
      }
      sum += pair
      if (explain > 0) {
        wordValues[index] = value
        pairValues[index] = pair
      }
    }
    return {probability: logistic(sum), strongest: explain > 0 ? strongest(words, count, explain) : []}
  }
}

let wordValues = new Float64Array(64)
let pairValues = new Float64Array(64)

const candidateRoom = 8
const candidateSizes = new Float64Array(candidateRoom)
/** Word i as i, the pair starting at i as −i − 1. */
const candidateAt = new Int32Array(candidateRoom)

let kept = 0

function offer(size: number, at: number, room: number): void {
  if (kept === room && size <= candidateSizes[kept - 1]!) return
  let place = kept < room ? kept++ : kept - 1
  while (place > 0 && candidateSizes[place - 1]! < size) {
    candidateSizes[place] = candidateSizes[place - 1]!
    candidateAt[place] = candidateAt[place - 1]!
    place--
  }
  candidateSizes[place] = size
  candidateAt[place] = at
}

/** The `most` largest contributions of the sentence just scored; a word seen twice counts once, with both. */
function strongest(words: readonly string[], count: number, most: number): Contribution[] {
  // One pass keeps the largest few, by insertion into fixed arrays: most words fall below the
  // smallest kept and cost one comparison.
  const room = Math.min(candidateRoom, most + 3)
  kept = 0
  for (let index = 0; index < count; index++) {
    const word = Math.abs(wordValues[index]!)
    if (word >= noticeable) offer(word, index, room)
    const pair = pairValues[index]!
    if (pair !== 0 && Math.abs(pair) >= noticeable) offer(Math.abs(pair), -index - 1, room)
  }
  const chosen: Contribution[] = []
  for (let rank = 0; rank < kept && chosen.length < most; rank++) {
    const at = candidateAt[rank]!
    const isPair = at < 0
    const index = isPair ? -at - 1 : at
    const gram = isPair ? `${words[index]!} ${words[index + 1]!}` : words[index]!
    if (chosen.some((contribution) => contribution.gram === gram) || !plainGram.test(gram)) continue
    // The same word or pair elsewhere in the sentence adds to it.
    let value = 0
    for (let other = 0; other < count; other++) {
      if (words[other] !== words[index] || (isPair && words[other + 1] !== words[index + 1])) continue
      value += isPair ? pairValues[other]! : wordValues[other]!
    }
    chosen.push({gram, value})
  }
  return chosen.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0))
}

export function logistic(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

/** A contribution smaller than this is not worth a reader's attention. */
const noticeable = 0.1
/** What may stand in a reason without quoting in YAML: letters, digits and word-inner marks. */
const plainGram = /^[\p{L}\p{N}][\p{L}\p{N}'’.\-]*(?: [\p{L}\p{N}][\p{L}\p{N}'’.\-]*)?$/u
