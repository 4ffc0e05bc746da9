import type {Sentence, SentenceContent} from 'nlcst'
import type {TextView} from '../text.ts'

/** A word or mark of a sentence, with its offsets in the file (white space is left out). */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  word: boolean
}

const tokenized = new WeakMap<Sentence, Token[]>()

/**
 * The sentence's words and marks; a word of several pieces has its text
 * cut from the file's `text` (cheaper than joining its pieces). Made once
 * per sentence node: attribution, claims and speakers read the same
 * tokens, and none changes them.
 */
export function tokenize(sentence: Sentence, text: TextView): Token[] {
  let tokens = tokenized.get(sentence)
  if (!tokens) {
    tokens = tokenizeAnew(sentence, text)
    tokenized.set(sentence, tokens)
  }
  return tokens
}

function tokenizeAnew(sentence: Sentence, text: TextView): Token[] {
  const tokens: Token[] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'WhiteSpaceNode' || !node.position) continue
    const start = node.position.start.offset!
    const end = node.position.end.offset!
    const value = textOf(node) ?? text.slice(start, end)
    const previous = tokens.at(-1)
    // A plural possessive's apostrophe ("Sanders’ campaign") belongs to its word, not a quote.
    if (
      previous?.word &&
      previous.end === start &&
      /^['’]$/u.test(value) &&
      /s$/iu.test(previous.text) &&
      !/^\p{L}/u.test(text.slice(end, end + 1))
    ) {
      previous.text += value
      previous.lower += value
      previous.end = end
      continue
    }
    tokens.push({
      text: value,
      lower: lowerCase(value),
      start,
      end,
      word: node.type === 'WordNode'
    })
  }
  return tokens
}

/**
 * `value.toLowerCase()`, without the call for a word of ASCII with no capital (most words): V8
 * lower-cases a string of two-byte characters (every word of an article with a curly quote or a
 * dash in it) five times slower than one of one-byte characters, and it is done for every token.
 */
function lowerCase(value: string): string {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code > 127) return value.toLowerCase()
  }
  return value
}

/**
 * A mark's own value, or a word's when it is one piece ("said", not "U.S."):
 * what the text view would cut out for it, without cutting (most tokens are such).
 */
function textOf(node: SentenceContent): string | undefined {
  if (node.type !== 'WordNode') return 'value' in node ? node.value : undefined
  const only = node.children.length === 1 ? node.children[0]! : undefined
  return only?.type === 'TextNode' ? only.value : undefined
}

export const openingQuotes = new Set(['“', '‘', '"', "'", "''", '``', '«', '„'])
export const closingQuotes = new Set(['”', '’', '"', "'", "''", '»'])
export const quoteMarks = new Set([...openingQuotes, ...closingQuotes])

/** Marks that end a source or an object, and that are never part of content's ends. */
export function isBreak(token: Token | undefined): boolean {
  return token !== undefined && !token.word && /^(?:[,;:.!?()[\]—–]|--|\.\.\.|…)$/u.test(token.text)
}

export function isComma(token: Token | undefined): boolean {
  return token !== undefined && !token.word && token.text === ','
}

export function isQuote(token: Token | undefined): boolean {
  return token !== undefined && !token.word && quoteMarks.has(token.text)
}

export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.word && /^[\p{Lu}\d]/u.test(token.text)
}

/** Does `phrase` (lower-case words) occur at `index`? Returns the index after it. */
export function matchPhrase(tokens: Token[], index: number, phrase: readonly string[]): number | undefined {
  for (let offset = 0; offset < phrase.length; offset++) {
    const token = tokens[index + offset]
    if (!token || token.lower !== phrase[offset]) return undefined
  }
  return index + phrase.length
}

/**
 * Lexicon phrases (lower case, split into words like the parser splits them),
 * indexed by their first word so a lookup at each token costs one map access.
 */
export class Phrases {
  private readonly byFirst = new Map<string, string[][]>()

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = phraseWords(phrase)
      const first = words[0]
      if (first === undefined) continue
      const list = this.byFirst.get(first) ?? []
      list.push(words)
      this.byFirst.set(first, list)
    }
  }

  /** The first words of the phrases: a token that is none of them starts no phrase. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys()
  }

  /** The index after the longest phrase starting at `index`, if one does. */
  match(tokens: Token[], index: number): number | undefined {
    const candidates = this.byFirst.get(tokens[index]?.lower ?? '')
    if (!candidates) return undefined
    let best: number | undefined
    for (const phrase of candidates) {
      const end = matchPhrase(tokens, index, phrase)
      if (end !== undefined && (best === undefined || end > best)) best = end
    }
    return best
  }
}

/** Split lexicon phrases into words the way the parser tokenizes them. */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/u).filter(Boolean)
}
