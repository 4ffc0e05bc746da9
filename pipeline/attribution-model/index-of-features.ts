/**
 * Where each feature's weights sit: a row of `labelCount` weights per
 * feature. The trainer builds the index from counts; the plugin rebuilds it
 * from the names in the model file. Rows a feature does not have are −1.
 */

import type {Token} from '../attribution/tokens.ts'
import {
  attributesOf,
  classOffsets,
  classTemplates,
  classValues,
  enumTemplates,
  type FlagLexicon,
  featureName,
  suffixOf,
  suffixTemplate,
  type TaggerSentence,
  wordOffsets,
  wordTemplates
} from './features.ts'

/** The key a word template reads: the lower-case word, or the mark itself. */
export const wordKey = (token: Token): string => token.lower
export const unknownWord = '<unknown>'
export const outsideSentence = '<none>'

/** How many values a rule role has (the tags and "none"). */
const roleCount = 8

/** Each token's feature rows, compressed: token t's are `rows[offsets[t] .. offsets[t+1]]`. */
export interface SentenceRows {
  n: number
  offsets: Int32Array
  rows: Int32Array
}

export class FeatureIndex {
  /** Per word, its row in each word template (in `wordTemplates` order). */
  readonly words = new Map<string, Int32Array>()
  readonly suffixes = new Map<string, number>()
  /** Per enumerated template, each value's row. */
  readonly enumRows: Int32Array[]
  /** Per class template, each value's row (class id, or class id × roles + role). */
  readonly classRows: Int32Array[]
  private readonly classValueNames: string[][]
  private names: string[] = []

  constructor(readonly classNames: readonly string[]) {
    this.enumRows = enumTemplates.map((template) => new Int32Array(template.values.length).fill(-1))
    this.classValueNames = classTemplates.map((_, template) => classValues(template, classNames))
    this.classRows = this.classValueNames.map((values) => new Int32Array(values.length).fill(-1))
  }

  get rowCount(): number {
    return this.names.length
  }

  /** Each row's feature name, by row. */
  rowNames(): readonly string[] {
    return this.names
  }

  /** Give a feature a row (the trainer, and the loader reading a model file). */
  add(name: string): number {
    const at = name.indexOf('=')
    const template = name.slice(0, at)
    const value = name.slice(at + 1)
    const row = this.names.length
    const wordTemplate = (wordTemplates as readonly string[]).indexOf(template)
    if (wordTemplate >= 0) {
      let rows = this.words.get(value)
      if (!rows) {
        rows = new Int32Array(wordTemplates.length).fill(-1)
        this.words.set(value, rows)
      }
      if (rows[wordTemplate] !== -1) return rows[wordTemplate]!
      rows[wordTemplate] = row
    } else if ((classTemplates as readonly string[]).includes(template)) {
      const index = (classTemplates as readonly string[]).indexOf(template)
      const valueIndex = this.classValueNames[index]!.indexOf(value)
      if (valueIndex < 0) throw new Error(`unknown value ${JSON.stringify(value)} of template ${JSON.stringify(template)}`)
      const rows = this.classRows[index]!
      if (rows[valueIndex] !== -1) return rows[valueIndex]!
      rows[valueIndex] = row
    } else if (template === suffixTemplate) {
      const known = this.suffixes.get(value)
      if (known !== undefined) return known
      this.suffixes.set(value, row)
    } else {
      const index = enumTemplates.findIndex((item) => item.name === template)
      if (index < 0) throw new Error(`unknown feature template ${JSON.stringify(template)} in ${JSON.stringify(name)}`)
      const valueIndex = enumTemplates[index]!.values.indexOf(value)
      if (valueIndex < 0) throw new Error(`unknown value ${JSON.stringify(value)} of template ${JSON.stringify(template)}`)
      const rows = this.enumRows[index]!
      if (rows[valueIndex] !== -1) return rows[valueIndex]!
      rows[valueIndex] = row
    }
    this.names.push(name)
    return row
  }

  /** Every enumerated feature a row (they are few); words and suffixes the trainer adds from counts. */
  addAllEnumerated(): void {
    for (const template of enumTemplates) for (const value of template.values) this.add(featureName(template.name, value))
    classTemplates.forEach((template, index) => {
      for (const value of this.classValueNames[index]!) this.add(featureName(template, value))
    })
  }

  /** The rows of every token's features. */
  rowsOf(sentence: TaggerSentence, flagLexicon: FlagLexicon): SentenceRows {
    const {tokens} = sentence
    const n = tokens.length
    const attributes = attributesOf(sentence, flagLexicon)
    const unknown = this.words.get(unknownWord)
    const outside = this.words.get(outsideSentence)
    const wordRows: Array<Int32Array | undefined> = tokens.map((token) => this.words.get(wordKey(token)) ?? unknown)
    const offsets = new Int32Array(n + 1)
    const rows: number[] = []
    for (let t = 0; t < n; t++) {
      for (let template = 0; template < wordOffsets.length; template++) {
        const at = t + wordOffsets[template]!
        const entry = at < 0 || at >= n ? outside : wordRows[at]
        const row = entry?.[template] ?? -1
        if (row >= 0) rows.push(row)
      }
      for (let template = 0; template < classTemplates.length; template++) {
        const at = t + classOffsets[template]!
        if (at < 0 || at >= n) continue
        const rowsOfClass = this.classRows[template]!
        const withRole = template === 3
        for (const id of attributes.classes[at]!) {
          const row = rowsOfClass[withRole ? id * roleCount + sentence.roles[t]! : id]!
          if (row >= 0) rows.push(row)
        }
      }
      const suffix = suffixOf(tokens[t]!)
      if (suffix !== undefined) {
        const row = this.suffixes.get(suffix)
        if (row !== undefined) rows.push(row)
      }
      for (let template = 0; template < enumTemplates.length; template++) {
        const value = enumTemplates[template]!.value(attributes, t)
        if (value < 0) continue
        const row = this.enumRows[template]![value]!
        if (row >= 0) rows.push(row)
      }
      offsets[t + 1] = rows.length
    }
    return {n, offsets, rows: Int32Array.from(rows)}
  }
}
