import {Lexicon, lowerSet} from '../lexicon.ts'
import type {TextView} from '../text.ts'
import type {Source, SourceType, Span} from '../types.ts'
import {isComma, Phrases, type Token} from './tokens.ts'

/** Source typing rules, compiled once from `data/sources.yml`. */
export class SourceTyper {
  private readonly pronouns: Set<string>
  private readonly possessivePronouns: Set<string>
  private readonly relativePronouns: Set<string>
  private readonly personNouns: Set<string>
  private readonly groupNouns: Set<string>
  private readonly documentNouns: Set<string>
  private readonly organisationNouns: Set<string>
  private readonly organisationWords: Set<string>
  private readonly metonyms: Set<string>
  private readonly titles: Set<string>
  private readonly basis: Phrases
  private readonly modifierStarts: Set<string>
  private readonly namedGroups: Set<string>
  private readonly quantityHeads: Set<string>
  private readonly honorifics: Set<string>
  private readonly regions: Set<string>
  private readonly pronounCompanions: Set<string>
  private readonly contractions: string[]
  private readonly determiners: Set<string>

  constructor(url: URL) {
    const lexicon = new Lexicon(url)
    this.pronouns = lowerSet(lexicon.strings('pronouns'))
    this.possessivePronouns = lowerSet(lexicon.strings('possessive-pronouns'))
    this.relativePronouns = lowerSet(lexicon.strings('relative-pronouns'))
    this.personNouns = lowerSet(lexicon.strings('person-nouns'))
    this.groupNouns = lowerSet(lexicon.strings('group-nouns'))
    this.documentNouns = lowerSet(lexicon.strings('document-nouns'))
    this.organisationNouns = lowerSet(lexicon.strings('organisation-nouns'))
    this.organisationWords = new Set(lexicon.strings('organisation-words', {caseSensitive: true}))
    this.metonyms = new Set(lexicon.strings('metonyms', {caseSensitive: true}))
    this.titles = new Set(lexicon.strings('titles', {caseSensitive: true}))
    this.basis = new Phrases(lexicon.strings('basis'))
    this.modifierStarts = lowerSet(lexicon.strings('modifier-starts'))
    this.namedGroups = new Set(lexicon.strings('named-groups', {caseSensitive: true}))
    this.quantityHeads = lowerSet(lexicon.strings('quantity-heads'))
    this.honorifics = new Set(lexicon.strings('honorifics', {caseSensitive: true}))
    this.regions = new Set(lexicon.strings('regions', {caseSensitive: true}))
    this.pronounCompanions = lowerSet(lexicon.strings('pronoun-companions'))
    this.contractions = lexicon.strings('contractions').map((ending) => ending.toLowerCase())
    this.determiners = lowerSet(lexicon.strings('determiners'))
  }

  isPronoun(token: Token): boolean {
    return this.pronouns.has(token.lower)
  }

  /** An article or a possessive determiner: "a", "the", "their". */
  isDeterminer(token: Token | undefined): boolean {
    return token !== undefined && this.determiners.has(token.lower)
  }

  /** A word that may follow a pronoun within a source: "they all", "he and his aides". */
  isPronounCompanion(token: Token): boolean {
    return this.pronounCompanions.has(token.lower)
  }

  /**
   * Where the pronoun ends in a pronoun with a contracted auxiliary ("you're",
   * "I've", "he’s"); undefined for any other token.
   */
  contractedPronounEnd(token: Token): number | undefined {
    const lower = token.lower.replaceAll('’', "'")
    for (const ending of this.contractions) {
      if (lower.endsWith(ending) && this.pronouns.has(lower.slice(0, -ending.length))) return token.end - ending.length
    }
    return undefined
  }

  /** A noun for a speaker: a person ("official"), a group ("voters"), an organisation ("government"). */
  isSpeakerNoun(token: Token): boolean {
    return this.personNouns.has(token.lower) || this.groupNouns.has(token.lower) || this.organisationNouns.has(token.lower)
  }

  /** A noun for a document or data: "poll", "survey", "report". */
  isDocument(token: Token): boolean {
    return this.documentNouns.has(token.lower)
  }

  /** Index of the first basis phrase ("familiar with", "who spoke on condition of anonymity") in `tokens`. */
  basisIndex(tokens: Token[]): number | undefined {
    for (let index = 0; index < tokens.length; index++) {
      if (this.basis.match(tokens, index) !== undefined) return index
    }
    return undefined
  }

  /**
   * Type the source spanning `tokens` (already trimmed). `text` is the file's
   * text, to cut spans from; `end` may cut a possessive off the last token.
   */
  type(spanTokens: Token[], text: TextView, end = spanTokens.at(-1)!.end): Source {
    const last = spanTokens.at(-1)!
    // "you're" cut to "you", "Trump’s" to "Trump": what is left of the word is typed.
    const tokens = end < last.end ? [...spanTokens.slice(0, -1), cutToken(last, text, end)] : spanTokens
    const start = tokens[0]!.start
    let basis: Span | null = null
    let basisIndex = tokens.length
    for (let index = 1; index < tokens.length; index++) {
      if (this.basis.match(tokens, index) !== undefined) {
        basis = {start: tokens[index]!.start, end, text: text.slice(tokens[index]!.start, end)}
        basisIndex = index
        break
      }
    }
    // "Amina Mohammed, a farmer in northern Kenya": the name before an appositive decides the type.
    const comma = tokens.findIndex((token, index) => index > 0 && !token.word && token.text === ',')
    const setOff = comma > 0 && comma < basisIndex
    let type = this.classify(tokens.slice(0, setOff ? comma : basisIndex), text)
    // "A lawyer for the newspapers, David Stern": a description, then the name of the one it describes.
    if (setOff && (type === 'unnamed-person' || (type === 'unnamed-group' && /^(?:one|another)$/u.test(tokens[0]!.lower)))) {
      let appositiveEnd = comma + 1
      while (appositiveEnd < basisIndex && !isComma(tokens[appositiveEnd])) appositiveEnd++
      if (this.isPersonName(tokens.slice(comma + 1, appositiveEnd), tokens[comma - 1]!, text)) type = 'named-person'
    }
    return {
      start,
      end,
      text: text.slice(start, end),
      type,
      anonymous: type === 'unnamed-person' || type === 'unnamed-group',
      basis
    }
  }

  /**
   * Whether the words after a comma are a person's name: capitalised and
   * typed as one. After a capitalised word the comma may close a town instead
   * ("in Dayton, Ohio", "in Manchester, New Hampshire"): there a name needs
   * two words and is no listed region.
   */
  private isPersonName(words: Token[], beforeComma: Token, text: TextView): boolean {
    const named = words.filter((token) => token.word)
    if (named.length === 0 || !named.every((token) => /^\p{Lu}/u.test(token.text))) return false
    if (this.classify(words, text) !== 'named-person') return false
    if (beforeComma.word && !/^\p{Lu}/u.test(beforeComma.text)) return true
    return named.length > 1 && !this.regions.has(text.slice(words[0]!.start, words.at(-1)!.end))
  }

  private classify(core: Token[], text: TextView): SourceType {
    const words = core.filter((token) => token.word)
    const only = words.length === 1 ? words[0]!.lower : undefined
    if (only !== undefined && (this.pronouns.has(only) || this.possessivePronouns.has(only) || this.relativePronouns.has(only))) return 'pronoun'
    if (words.length === 0) return 'unnamed-group'
    const isCapitalised = (token: Token | undefined): boolean => token !== undefined && /^\p{Lu}/u.test(token.text)
    const bare = (token: Token): string => token.text.replace(/['’]s$/u, '')

    // The head is the last word before its modifiers: "officials at the ministry",
    // "a report released Tuesday by …" ("of" inside a name does not count: "Bank of England").
    let cut = words.length
    for (let index = 1; index < words.length; index++) {
      const lower = words[index]!.lower
      if (lower === 'of' && isCapitalised(words[index + 1])) continue
      if (this.modifierStarts.has(lower)) {
        cut = index
        break
      }
    }
    // "A third of voters", "20 percent of people": the head is what is counted.
    let first = 0
    while (cut < words.length && words[cut]!.lower === 'of' && this.quantityHeads.has(words[cut - 1]!.lower)) {
      first = cut + 1
      cut = words.length
      for (let index = first + 1; index < words.length; index++) {
        const lower = words[index]!.lower
        if (lower === 'of' && isCapitalised(words[index + 1])) continue
        if (this.modifierStarts.has(lower)) {
          cut = index
          break
        }
      }
    }
    const headWords = words.slice(first, cut)
    if (headWords.length === 0) return 'unnamed-group'
    const head = headWords.at(-1)!
    const headLower = head.lower.replace(/['’]s$/u, '')
    const indefinite = /^(?:a|an|one|two|three|several|some|many|other|another)$/u.test(words[0]!.lower)

    // A common noun, or a capitalised one only because it opens the sentence ("Officials said").
    if (!isCapitalised(head) || headWords.length === 1) {
      if (this.documentNouns.has(headLower)) return 'document'
      if (this.groupNouns.has(headLower)) return 'unnamed-group'
      if (this.personNouns.has(headLower)) return 'unnamed-person'
      if (this.organisationNouns.has(headLower)) return indefinite ? 'unnamed-group' : 'named-organisation'
      if (!isCapitalised(head)) return headLower.endsWith('s') ? 'unnamed-group' : 'unnamed-person'
    }

    const capitalised = headWords.filter(isCapitalised)
    const name = capitalised.map(bare).join(' ')
    if (headWords.length === 1 && this.namedGroups.has(bare(head))) return 'named-organisation'
    const coreText = text.slice(core[0]!.start, core.at(-1)!.end).replace(/['’]s$/u, '').replace(/^the\s+/iu, '')
    const last = bare(capitalised.at(-1)!)
    if (this.metonyms.has(name) || this.metonyms.has(coreText) || this.metonyms.has(last)) return 'named-organisation'
    if (this.organisationWords.has(last) || /^\p{Lu}{2,}$/u.test(last) || this.organisationNouns.has(last.toLowerCase())) {
      return 'named-organisation'
    }
    if (capitalised.some((token) => this.titles.has(token.text))) {
      // "the Secretary of State" names no one; "Mr. King" does: a word after an honorific is a name.
      const isName = (token: Token, index: number): boolean => !this.titles.has(token.text) || this.honorifics.has(capitalised[index - 1]?.text ?? '')
      return capitalised.some(isName) ? 'named-person' : 'unnamed-person'
    }
    if (capitalised.some((token) => this.organisationWords.has(token.text) || /^\p{Lu}{2,}$/u.test(token.text))) {
      return 'named-organisation'
    }
    return 'named-person'
  }
}

/** The word `token` cut to end at `end`. */
function cutToken(token: Token, text: TextView, end: number): Token {
  const value = text.slice(token.start, end)
  return {...token, text: value, lower: value.toLowerCase(), end}
}
