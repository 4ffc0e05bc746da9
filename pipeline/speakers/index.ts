import type {Root} from 'nlcst'
import type {Transformer} from 'unified'
import {Phrases, type Token, tokenize} from '../attribution/tokens.ts'
import {Lexicon, LexiconError, lowerSet} from '../lexicon.ts'
import {afterEarlierSections, bodySentences, fromSection} from '../ranges.ts'
import {type TextView, textView} from '../text.ts'
import type {Attribution, Span} from '../types.ts'

export type Sex = 'male' | 'female'

/** A person named in the article: as a source, after a title, or again by surname. */
export interface PersonMention extends Span {
  /** Start offset of the sentence the mention is in. */
  sentence: number
  /** What a title tells ("Mrs."), if anything. */
  sex: Sex | null
  /** For a "he" or "she": the person named earlier it stands for. */
  named?: Span
}

/** Surnames of the people named, each with the sex known of them, if any. */
export type Surnames = Map<string, Sex | null>

declare module 'vfile' {
  interface DataMap {
    /** People named so far, in document order (kept across the sections of a long article). */
    personMentions: PersonMention[]
    /** Surnames of people named so far, with the sex known of each, if any (kept likewise). */
    personSurnames: Surnames
  }
}

/** How far back, in characters, a named person can be the one "he" or "she" is. */
const window = 1000

/**
 * Links pronoun sources ("…, he said") to the person they most likely are,
 * and sets it as `refersTo` on the attribution's source (`null` when no one
 * fits). People are those named as sources ("Senate Majority Leader John
 * Thune told reporters"), after a title ("Mrs. Clinton", "Sen. Patty
 * Murray"), or again by the surname of someone so named ("Thune"). The
 * person is looked for first earlier in the pronoun's own sentence, then in
 * the sentences before it, each from its start (a sentence's subject comes
 * first), within about a thousand characters,
 * skipping anyone whose sex (from a title, or from an earlier "he" or "she")
 * rules them out. Runs after retextAttribution. Word lists: data/speakers.yml.
 */
export default function retextSpeakers(): Transformer<Root> {
  const lexicon = new Lexicon(new URL('./data/speakers.yml', import.meta.url))
  const pronounSex = new Map<string, Sex>()
  for (const word of lowerSet(lexicon.strings('male-pronouns'))) pronounSex.set(word, 'male')
  for (const word of lowerSet(lexicon.strings('female-pronouns'))) pronounSex.set(word, 'female')
  const titleSex = new Map<string, Sex>()
  for (const title of lexicon.strings('male-titles', {caseSensitive: true})) titleSex.set(title, 'male')
  for (const title of lexicon.strings('female-titles', {caseSensitive: true})) titleSex.set(title, 'female')
  const titles = new Phrases(lexicon.strings('titles'))
  const nameSex = new Map<string, Sex>()
  for (const name of lexicon.strings('male-names', {caseSensitive: true})) nameSex.set(name, 'male')
  for (const name of lexicon.strings('female-names', {caseSensitive: true})) {
    if (nameSex.has(name)) throw new LexiconError(`${lexicon.path}: \`${name}\` is in both male-names and female-names`)
    nameSex.set(name, 'female')
  }
  const notNames = new Set(lexicon.strings('not-names', {caseSensitive: true}))

  return function (tree, file) {
    const text = textView(tree, file)
    const sectionStart = file.data.section?.start ?? 0
    const people = afterEarlierSections(file.data.personMentions, sectionStart, [], (mention) => mention.start)
    // What is known of each surname: that it names a person, and their sex when something told it.
    // A later section of a long article goes on with the earlier sections' knowledge, as one pass would.
    const surnames: Surnames = sectionStart > 0 && file.data.personSurnames ? file.data.personSurnames : new Map()
    const know = (mention: PersonMention): void => {
      const key = surname(mention.text)
      if (key !== '') surnames.set(key, mention.sex ?? surnames.get(key) ?? null)
    }
    const attributions = fromSection(file.data.attributions ?? [], sectionStart, (attribution) => attribution.sentence)
    const bySentence = new Map<number, Attribution[]>()
    for (const attribution of attributions) {
      const list = bySentence.get(attribution.sentence) ?? []
      list.push(attribution)
      bySentence.set(attribution.sentence, list)
    }

    for (const {sentence, start} of bodySentences(tree, file)) {
      const tokens = tokenize(sentence, text)
      const found: PersonMention[] = []
      for (const attribution of bySentence.get(start) ?? []) {
        const source = attribution.source
        if (source?.type === 'named-person' && looksLikeName(source.text)) {
          found.push({start: source.start, end: source.end, text: source.text, sentence: start, sex: sexOf(source.text)})
        }
      }
      // Inside a quotation, names and "he" are the speaker's words about someone else.
      const inQuote = quotedTokens(tokens)
      const quoting = inQuote.includes(true)
      const outside = (mention: PersonMention): boolean =>
        !quoting || !tokens.some((token, index) => inQuote[index] && token.start < mention.end && token.end > mention.start)
      found.push(...titled(tokens, text, start).filter(outside))
      const named = dedupe(found.sort(byPlace))
      for (const mention of named) know(mention)
      found.push(...bySurname(tokens, text, start, named, surnames).filter(outside))
      const mentions = dedupe(found.sort(byPlace))
      // Every "he" and "she", in order, stands for someone: so "He asked them" after "Though he did
      // not mention Rubio, he made it clear" still finds the Cruz of the sentence before.
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        const sex = token.word && !inQuote[index] ? pronounSex.get(token.lower) : undefined
        if (!sex) continue
        const before = mentions.filter((mention) => mention.end <= token.start)
        const referent = resolve(token, sex, people, before, surnames)
        if (!referent) continue
        // "Trump said he would": a person and a "he" in one sentence tell the person's sex. (Across
        // sentences the guess is too weak to learn from.)
        if (before.includes(referent) && referent.sex === null && !referent.named) {
          referent.sex = sex
          const key = surname(referent.text)
          if (key !== '' && !surnames.get(key)) surnames.set(key, sex)
        }
        const stands: PersonMention = {start: token.start, end: token.end, text: token.text, sentence: start, sex, named: referent.named ?? span(referent)}
        mentions.push(stands)
        mentions.sort(byPlace)
      }
      for (const attribution of bySentence.get(start) ?? []) {
        const source = attribution.source
        if (source?.type !== 'pronoun' || !pronounSex.has(source.text.toLowerCase())) continue
        const stands = mentions.find((mention) => mention.start === source.start && mention.named)
        source.refersTo = stands?.named ? {...stands.named} : null
      }
      people.push(...mentions)
    }
    file.data.personMentions = people
    file.data.personSurnames = surnames
  }

  /** The person a "he" or "she" at `pronoun` most likely is: see the plugin's description. */
  function resolve(pronoun: Token, sex: Sex, earlier: PersonMention[], here: PersonMention[], surnames: Map<string, Sex | null>): PersonMention | undefined {
    const fits = (person: PersonMention): boolean => {
      const known = person.sex ?? surnames.get(surname(person.named?.text ?? person.text)) ?? null
      return known === null || known === sex
    }
    let referent: PersonMention | undefined
    // Earlier in the same sentence, from its start: "Though he did not mention Rubio, he said".
    for (let index = 0; index < here.length && !referent; index++) {
      if (fits(here[index]!)) referent = here[index]
    }
    // The sentences before: each from its start.
    let cursor = earlier.length - 1
    while (!referent && cursor >= 0) {
      if (pronoun.start - earlier[cursor]!.end > window) break
      const sentence = earlier[cursor]!.sentence
      let first = cursor
      while (first > 0 && earlier[first - 1]!.sentence === sentence) first--
      for (let index = first; index <= cursor && !referent; index++) {
        const person = earlier[index]!
        if (pronoun.start - person.end <= window && fits(person)) referent = person
      }
      cursor = first - 1
    }
    return referent
  }

  /** "Mr. Obama", "Sen. Patty Murray", "President Donald J. Trump": a title, then capitalised words. */
  function titled(tokens: Token[], text: TextView, sentence: number): PersonMention[] {
    const found: PersonMention[] = []
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      if (!startsWithCapital(token)) continue
      let after: number | undefined
      let sex: Sex | null = null
      const joined = tokens[index + 1]?.text === '.' && tokens[index + 1]!.start === token.end ? `${token.text}.` : token.text
      if (titleSex.has(joined)) {
        sex = titleSex.get(joined)!
        after = index + (joined === token.text ? 1 : 2)
      } else {
        after = titles.match(tokens, index)
        if (after !== undefined && tokens[after]?.text === '.' && tokens[after]!.start === tokens[after - 1]!.end) after++
      }
      if (after === undefined) continue
      let end = after
      while (end < tokens.length && end - after < 4 && isNameWord(tokens[end]!)) {
        end++
        // "Donald J. Trump": an initial's full stop.
        if (tokens[end]?.text === '.' && tokens[end - 1]!.text.length === 1 && tokens[end]!.start === tokens[end - 1]!.end) end++
      }
      if (end === after) continue
      const stop = nameEnd(tokens[end - 1]!)
      const name = text.slice(token.start, stop)
      found.push({start: token.start, end: stop, text: name, sentence, sex: sex ?? sexOf(name)})
      index = end - 1
    }
    return found
  }

  /** A word that is the surname of someone already named ("Thune" after "Senate Majority Leader John Thune"). */
  function bySurname(tokens: Token[], text: TextView, sentence: number, named: PersonMention[], surnames: Map<string, Sex | null>): PersonMention[] {
    const found: PersonMention[] = []
    for (const token of tokens) {
      if (!startsWithCapital(token) || !surnames.has(bare(token.text))) continue
      if (named.some((mention) => token.start < mention.end && token.end > mention.start)) continue
      const end = nameEnd(token)
      found.push({start: token.start, end, text: text.slice(token.start, end), sentence, sex: null})
    }
    return found
  }

  /** Not "The Gap Goes" or "Md.": a source typed as a named person whose words cannot be a name. */
  function looksLikeName(sourceText: string): boolean {
    const words = sourceText.split(',')[0]!.trim().split(/\s+/u)
    const last = words.at(-1) ?? ''
    return !notNames.has(words[0] ?? '') && !(last.endsWith('.') && last.length > 2 && !titleSex.has(last))
  }

  function isNameWord(token: Token): boolean {
    return startsWithCapital(token) && !notNames.has(token.text) && !titleSex.has(token.text)
  }

  /** What a name's title ("Mrs.") or given name ("John") tells of the person's sex. */
  function sexOf(name: string): Sex | null {
    for (const word of name.split(',')[0]!.split(/\s+/u)) {
      const sex = titleSex.get(word) ?? nameSex.get(word)
      if (sex) return sex
    }
    return null
  }
}

const quoteMarks = /^(?:["“”]|'')$/u

/** Which tokens stand inside quotation marks (the marks themselves count as inside). */
function quotedTokens(tokens: Token[]): boolean[] {
  const inside: boolean[] = []
  let open = false
  for (const token of tokens) {
    if (!token.word && quoteMarks.test(token.text)) {
      const opening: boolean = token.text === '“' || (token.text !== '”' && !open)
      inside.push(true)
      open = opening
      continue
    }
    inside.push(open)
  }
  return inside
}

function span(mention: PersonMention): Span {
  return {start: mention.start, end: mention.end, text: mention.text}
}

function byPlace(a: PersonMention, b: PersonMention): number {
  return a.start - b.start || b.end - a.end
}

/**
 * A word that opens with a capital letter (not a digit, unlike tokens.ts's
 * isCapitalised: "2016" names no one); checked per token, so the cheap way first.
 */
function startsWithCapital(token: Token): boolean {
  if (!token.word) return false
  const code = token.text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(token.text)
}

/** A word without a possessive ending. */
function bare(word: string): string {
  const last = word.charCodeAt(word.length - 1)
  // s, ' or ’: only then can there be a possessive to cut.
  return last === 115 || last === 39 || last === 0x2019 ? word.replace(/['’]s?$/u, '') : word
}

/**
 * Where a name's last word ends in the file: before a possessive ("Obama's"),
 * when the word holds no markup (its text is as long as its place in the
 * file); with markup inside ("Thune&#8217;s"), at the word's end, possessive
 * and all, so the span still points at what it says.
 */
function nameEnd(token: Token): number {
  const cut = token.text.length - bare(token.text).length
  return cut > 0 && token.end - token.start === token.text.length ? token.end - cut : token.end
}

/** The last word of a name: how later mentions ("Thune") name the same person. */
function surname(name: string): string {
  // "Michael Oppenheimer, a professor at Princeton": the name is before the comma.
  const words = name.split(',')[0]!.trim().split(/\s+/u)
  const last = bare(words.at(-1) ?? '')
  return /^\p{Lu}\p{L}/u.test(last) ? last : ''
}

/** One mention per place: of overlapping ones, the first and longest (sorted by byPlace). */
function dedupe(mentions: PersonMention[]): PersonMention[] {
  const kept: PersonMention[] = []
  for (const mention of mentions) {
    const previous = kept.at(-1)
    if (previous && mention.start < previous.end) {
      if (!previous.sex && mention.sex) kept[kept.length - 1] = {...previous, sex: mention.sex}
      continue
    }
    kept.push(mention)
  }
  return kept
}
