import {Lexicon, lowerSet} from '../lexicon.ts'
import type {Span} from '../types.ts'
import type {TextView} from '../text.ts'
import type {Token} from '../attribution/tokens.ts'
import {Phrases, phraseWords} from '../attribution/tokens.ts'

export type QuantityKind = 'money' | 'percent' | 'percentage-points' | 'multiplier' | 'duration' | 'count' | 'date'

export interface Quantity extends Span {
  kind: QuantityKind
  /** The number, scaled ("$200 billion" → 200000000000); null for dates. */
  value: number | null
  /** Currency code, unit of time or counted noun. */
  unit: string | null
  /** A word that bounds it: "over", "more than", "about". */
  bound: string | null
  /** What a multiplier multiplies: "that of current exports". */
  baseline: Span | null
}

/** Finds quantities in a sentence's tokens; word lists compiled once from data/quantities.yml. */
export class QuantityFinder {
  private readonly numberWords = new Map<string, number>()
  private readonly scales = new Map<string, number>()
  private readonly currencies = new Map<string, string>()
  private readonly durations = new Map<string, string>()
  private readonly multipliers = new Map<string, number>()
  private readonly bounds: Phrases
  private readonly relativeDates: Phrases
  private readonly weekdays: Set<string>
  private readonly months: Set<string>
  /** Every word or mark a quantity can start with, but digits: most tokens are none, and are passed over with one lookup. */
  private readonly starters = new Set<string>()

  constructor() {
    const lexicon = new Lexicon(new URL('./data/quantities.yml', import.meta.url))
    const numbers = (key: string, into: Map<string, number>): void => {
      for (const [name, value] of lexicon.numbers(key)) into.set(name, value)
    }
    numbers('number-words', this.numberWords)
    numbers('scales', this.scales)
    numbers('multipliers', this.multipliers)
    for (const [code, words] of lexicon.groups('currencies')) for (const word of words) this.currencies.set(word, code)
    for (const [unit, words] of lexicon.groups('durations')) for (const word of words) this.durations.set(word, unit)
    this.bounds = new Phrases(lexicon.strings('bounds'))
    this.relativeDates = new Phrases(lexicon.strings('relative-dates'))
    this.weekdays = lowerSet(lexicon.strings('weekdays'))
    this.months = lowerSet(lexicon.strings('months'))
    const firstWords = (key: string): string[] => lexicon.strings(key).map((phrase) => phraseWords(phrase)[0] ?? '')
    for (const word of [
      ...firstWords('relative-dates'),
      ...firstWords('bounds'),
      ...this.weekdays,
      ...this.months,
      ...this.multipliers.keys(),
      ...this.numberWords.keys()
    ]) {
      this.starters.add(word.toLowerCase())
    }
    // A currency sign is matched as written; a token's lower-case form is what is looked up.
    for (const sign of this.currencies.keys()) this.starters.add(sign.toLowerCase())
  }

  find(tokens: Token[], text: TextView): Quantity[] {
    const found: Quantity[] = []
    const span = (from: number, to: number): Span => ({start: tokens[from]!.start, end: tokens[to]!.end, text: text.slice(tokens[from]!.start, tokens[to]!.end)})
    let index = 0
    while (index < tokens.length) {
      const token = tokens[index]!
      const first = token.text.charCodeAt(0)
      if (!(first >= 48 && first <= 57) && !this.starters.has(token.lower)) {
        index++
        continue
      }
      const quantity = this.at(tokens, index, span)
      if (quantity) {
        found.push(quantity.value)
        index = quantity.next
      } else index++
    }
    return found
  }

  private at(tokens: Token[], index: number, span: (from: number, to: number) => Span): {value: Quantity; next: number} | undefined {
    const token = tokens[index]!
    // Dates: "Thursday", "late last month", "Feb. 14".
    const relative = this.relativeDates.match(tokens, index)
    if (relative !== undefined) return {value: this.make('date', span(index, relative - 1), null, null, null, null), next: relative}
    if (this.weekdays.has(token.lower)) return {value: this.make('date', span(index, index), null, null, null, null), next: index + 1}
    if (this.months.has(token.lower) && token.word && /^\d{1,2}$/u.test(tokens[index + 1]?.text ?? '')) {
      let end = index + 1
      if (tokens[end + 1]?.text === ',' && /^(?:19|20)\d\d$/u.test(tokens[end + 2]?.text ?? '')) end += 2
      return {value: this.make('date', span(index, end), null, null, null, null), next: end + 1}
    }

    // Multiplier words: "twice", "doubled".
    const multiplier = this.multipliers.get(token.lower)
    if (multiplier !== undefined && token.word) {
      return {value: this.make('multiplier', span(index, index), multiplier, null, null, null), next: index + 1}
    }

    // Numbers, with what is around them.
    let bound: string | null = null
    const start = index
    const boundEnd = this.bounds.match(tokens, index)
    if (boundEnd !== undefined && this.numberAt(tokens, boundEnd)) {
      bound = tokens.slice(index, boundEnd).map((item) => item.lower).join(' ')
      index = boundEnd
    }
    let currency: string | null = null
    if (!tokens[index]!.word && this.currencies.has(tokens[index]!.text)) {
      currency = this.currencies.get(tokens[index]!.text)!
      index++
    }
    const number = this.numberAt(tokens, index)
    if (!number) return undefined
    let value = number.value
    let end = number.end
    const scale = this.scales.get(tokens[end + 1]?.lower ?? '')
    if (scale !== undefined && tokens[end + 1]!.word) {
      value *= scale
      end++
    } else if (number.scale !== undefined) value *= number.scale
    const next = tokens[end + 1]
    const after = next?.lower ?? ''
    if (!currency && next && this.currencies.has(after) && next.word) {
      currency = this.currencies.get(after)!
      end++
    }
    if (currency) return {value: this.make('money', span(start, end), value, currency, bound, null), next: end + 1}
    if (after === '%' || after === 'percent') return {value: this.make('percent', span(start, end + 1), value, '%', bound, null), next: end + 2}
    if (after === 'per' && tokens[end + 2]?.lower === 'cent') return {value: this.make('percent', span(start, end + 2), value, '%', bound, null), next: end + 3}
    if (after === 'percentage' && /^points?$/u.test(tokens[end + 2]?.lower ?? '')) {
      return {value: this.make('percentage-points', span(start, end + 2), value, 'percentage point', bound, null), next: end + 3}
    }
    if (after === 'times') {
      // "five times that of current exports": the baseline runs to the next mark.
      let baselineEnd = end + 1
      if (/^(?:that|those|as|the|what)$/u.test(tokens[end + 2]?.lower ?? '')) {
        baselineEnd = end + 2
        while (baselineEnd + 1 < tokens.length && tokens[baselineEnd + 1]!.word) baselineEnd++
      }
      const baseline = baselineEnd > end + 1 ? span(end + 2, baselineEnd) : null
      return {value: this.make('multiplier', span(start, baselineEnd), value, null, bound, baseline), next: baselineEnd + 1}
    }
    const unit = this.durations.get(after)
    if (unit !== undefined) {
      // "over six years", "for three months": the preposition bounds the duration.
      const before = tokens[start - 1]?.lower
      const preposition = bound === null && (before === 'over' || before === 'for' || before === 'within' || before === 'in')
      const from = preposition ? start - 1 : start
      return {value: this.make('duration', span(from, end + 1), value, unit, preposition ? before! : bound, null), next: end + 2}
    }
    if (/^(?:19|20)\d\d$/u.test(tokens[number.end]!.text) && number.end === end && bound === null) {
      return {value: this.make('date', span(start, end), null, null, null, null), next: end + 1}
    }
    if (next?.word && /^\p{Ll}/u.test(next.text) && !/^(?:and|or|to|of|in|on|at|by|for|the|a|an|that|this|is|was|were|are)$/u.test(after)) {
      return {value: this.make('count', span(start, end + 1), value, after, bound, null), next: end + 2}
    }
    return {value: this.make('count', span(start, end), value, null, bound, null), next: end + 1}
  }

  /** A number at `index`: digits ("84,121", "12.5", "3.4bn") or number words ("two dozen", "six"). */
  private numberAt(tokens: Token[], index: number): {value: number; end: number; scale?: number} | undefined {
    const token = tokens[index]
    if (!token?.word) return undefined
    // Called at many tokens: the regular expression only where a digit starts the word.
    const first = token.text.charCodeAt(0)
    const digits = first >= 48 && first <= 57 ? /^(\d+(?:\.\d+)?)(bn|m|k|tn)?$/iu.exec(token.text) : null
    if (digits) {
      let text = digits[1]!
      let end = index
      // "84,121": parse-english splits digit groups at the comma.
      while (
        tokens[end + 1]?.text === ',' &&
        tokens[end + 1]!.start === tokens[end]!.end &&
        /^\d{3}(?:\.\d+)?$/u.test(tokens[end + 2]?.text ?? '') &&
        tokens[end + 2]!.start === tokens[end + 1]!.end
      ) {
        text += tokens[end + 2]!.text
        end += 2
      }
      const result: {value: number; end: number; scale?: number} = {value: Number(text), end}
      const suffix = digits[2]?.toLowerCase()
      if (suffix && end === index) result.scale = this.scales.get(suffix)!
      return result
    }
    const word = this.numberWords.get(token.lower)
    if (word === undefined) return undefined
    // "two dozen", "half a million" stay simple: a number word, times a following number word.
    const second = this.numberWords.get(tokens[index + 1]?.lower ?? '')
    if (second !== undefined && second >= 12) return {value: word * second, end: index + 1}
    return {value: word, end: index}
  }

  private make(kind: QuantityKind, span: Span, value: number | null, unit: string | null, bound: string | null, baseline: Span | null): Quantity {
    return {start: span.start, end: span.end, text: span.text, kind, value: value !== null && Number.isFinite(value) ? value : null, unit, bound, baseline}
  }
}
