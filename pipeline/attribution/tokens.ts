import type {Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'

/** A word or mark of a sentence, with its offsets in the file (white space is left out). */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  word: boolean
}

export function tokenize(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'WhiteSpaceNode' || !node.position) continue
    const text = toString(node)
    const previous = tokens.at(-1)
    // A plural possessive's apostrophe ("Sanders’ campaign") belongs to its word, not a quote.
    if (
      previous?.word &&
      previous.end === node.position.start.offset &&
      /^['’]$/u.test(text) &&
      /s$/iu.test(previous.text) &&
      !/^\p{L}/u.test(children[index + 1] ? toString(children[index + 1]!) : '')
    ) {
      previous.text += text
      previous.lower += text
      previous.end = node.position.end.offset!
      continue
    }
    tokens.push({
      text,
      lower: text.toLowerCase(),
      start: node.position.start.offset!,
      end: node.position.end.offset!,
      word: node.type === 'WordNode'
    })
  }
  return tokens
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

/** The longest phrase of `phrases` at `index`, as the index after it. */
export function matchAny(tokens: Token[], index: number, phrases: readonly (readonly string[])[]): number | undefined {
  let best: number | undefined
  for (const phrase of phrases) {
    const end = matchPhrase(tokens, index, phrase)
    if (end !== undefined && (best === undefined || end > best)) best = end
  }
  return best
}

/** Split lexicon phrases into words the way the parser tokenizes them. */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/u).filter(Boolean)
}
