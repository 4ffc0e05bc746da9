import {Lexicon, lowerSet} from '../lexicon.ts'
import type {Source, SourceType, Span} from '../types.ts'
import {type Token, matchAny, phraseWords} from './tokens.ts'

/** Source typing rules, compiled once from `data/sources.yml`. */
export class SourceTyper {
  private readonly pronouns: Set<string>
  private readonly personNouns: Set<string>
  private readonly groupNouns: Set<string>
  private readonly documentNouns: Set<string>
  private readonly organisationNouns: Set<string>
  private readonly organisationWords: Set<string>
  private readonly metonyms: Set<string>
  private readonly titles: Set<string>
  private readonly basis: string[][]

  constructor(url: URL) {
    const lexicon = new Lexicon(url)
    this.pronouns = lowerSet(lexicon.strings('pronouns'))
    this.personNouns = lowerSet(lexicon.strings('person-nouns'))
    this.groupNouns = lowerSet(lexicon.strings('group-nouns'))
    this.documentNouns = lowerSet(lexicon.strings('document-nouns'))
    this.organisationNouns = lowerSet(lexicon.strings('organisation-nouns'))
    this.organisationWords = new Set(lexicon.strings('organisation-words', {caseSensitive: true}))
    this.metonyms = new Set(lexicon.strings('metonyms', {caseSensitive: true}))
    this.titles = new Set(lexicon.strings('titles', {caseSensitive: true}))
    this.basis = lexicon.strings('basis').map(phraseWords)
  }

  isPronoun(token: Token): boolean {
    return this.pronouns.has(token.lower)
  }

  /**
   * Type the source spanning `tokens` (already trimmed). `text` is the file's
   * text, to cut spans from; `end` may cut a possessive off the last token.
   */
  type(tokens: Token[], text: string, end = tokens.at(-1)!.end): Source {
    const start = tokens[0]!.start
    let basis: Span | null = null
    let coreLength = tokens.length
    for (let index = 1; index < tokens.length; index++) {
      if (matchAny(tokens, index, this.basis) !== undefined) {
        basis = {start: tokens[index]!.start, end, text: text.slice(tokens[index]!.start, end)}
        coreLength = index
        break
      }
    }
    const type = this.classify(tokens.slice(0, coreLength), text)
    return {
      start,
      end,
      text: text.slice(start, end),
      type,
      anonymous: type === 'unnamed-person' || type === 'unnamed-group',
      basis
    }
  }

  private classify(core: Token[], text: string): SourceType {
    const words = core.filter((token) => token.word)
    if (words.length === 1 && this.pronouns.has(words[0]!.lower)) return 'pronoun'

    // The head is the last word before a modifier: "officials at the ministry", "a spokesman for …".
    let headIndex = words.length - 1
    for (let index = 1; index < words.length; index++) {
      if (/^(?:of|at|for|from|in|with|who|which|that|on|to|under|representing)$/u.test(words[index]!.text)) {
        headIndex = index - 1
        break
      }
    }
    const head = words[headIndex]
    if (!head) return 'unnamed-group'
    const headWord = head.lower.replace(/['’]s$/u, '')
    const capitalised = words.slice(0, headIndex + 1).filter((token) => /^\p{Lu}/u.test(token.text))
    const name = capitalised.map((token) => token.text.replace(/['’]s$/u, '')).join(' ')
    const firstLower = words[0]!.lower
    const indefinite = /^(?:a|an|one|two|three|several|some|many|other|another)$/u.test(firstLower)

    if (!/^\p{Lu}/u.test(head.text)) {
      if (this.documentNouns.has(headWord)) return 'document'
      if (this.groupNouns.has(headWord)) return 'unnamed-group'
      if (this.personNouns.has(headWord)) return 'unnamed-person'
      if (this.organisationNouns.has(headWord)) return indefinite ? 'unnamed-group' : 'named-organisation'
      return headWord.endsWith('s') ? 'unnamed-group' : 'unnamed-person'
    }
    const coreText = text.slice(core[0]!.start, core.at(-1)!.end).replace(/['’]s$/u, '')
    if (
      this.metonyms.has(name) ||
      this.metonyms.has(coreText) ||
      capitalised.some((token) => this.organisationWords.has(token.text) || /^\p{Lu}{2,}$/u.test(token.text)) ||
      this.organisationNouns.has(headWord)
    ) {
      return 'named-organisation'
    }
    if (capitalised.every((token) => this.titles.has(token.text))) return 'unnamed-person'
    return 'named-person'
  }
}
