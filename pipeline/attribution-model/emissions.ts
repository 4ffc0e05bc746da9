/**
 * The tagger's emission scores, summed ahead: the same features as
 * `FeatureIndex.rowsOf` (the trainer's path, one row per feature), but
 * every feature that depends on a token's text alone — its word, suffix,
 * shape, word lists and WordNet classes, as the token itself and as a
 * neighbour of another — is summed once per distinct token into a vector per
 * position, and the rest (the rules' roles, quotes, the distance to the cue)
 * is read from dense tables. A test holds the two paths to the same scores.
 */

import {labelCount} from './crf.ts'
import {
  classOffsets,
  cueGeometry,
  enumTemplates,
  type FlagLexicon,
  flagNames,
  shapeOf,
  suffixOf,
  type TaggerSentence,
  wordOffsets
} from './features.ts'
import {type FeatureIndex, outsideSentence, unknownWord} from './index-of-features.ts'

const L = labelCount
/** Slots of a token's vector: as the token scored, as the one before it, after it, two before, two after (`wordOffsets`' order). */
const slotCount = wordOffsets.length
const roleCount = 8
const noRole = roleCount - 1
const cacheLimit = 100_000

/** What a distinct token contributes, wherever it stands. */
interface TokenEntry {
  /** slotCount × L summed weights. */
  vectors: Float64Array
  /** roleCount × L: its word lists' and classes' weights with the rules' role of it. */
  byRole: Float64Array
  shape: number
}

function templateIndex(name: string): number {
  const index = enumTemplates.findIndex((template) => template.name === name)
  if (index < 0) throw new Error(`no feature template ${JSON.stringify(name)}`)
  return index
}

const bias = templateIndex('bias')
const shapeTemplate = templateIndex('shape')
const shapePrevious = templateIndex('shape-1 shape')
const shapeNext = templateIndex('shape shape+1')
const roleTemplates = [templateIndex('rule role'), templateIndex('rule role-1'), templateIndex('rule role+1'), templateIndex('rule role-2'), templateIndex('rule role+2')]
const rolePrevious = templateIndex('rule role-1 rule role')
const roleNext = templateIndex('rule role rule role+1')
const ruleTemplate = templateIndex('rule')
const quoteTemplate = templateIndex('quote')
const quoteRole = templateIndex('quote rule role')
const distanceTemplate = templateIndex('cue distance')
const distanceQuote = templateIndex('cue distance quote')
const breakTemplate = templateIndex('clause to cue')
const firstTemplate = templateIndex('first')
const lastTemplate = templateIndex('last')
const flagTemplates = flagNames.map((flag) => templateIndex(flag))
const flagRoleTemplates = flagNames.map((flag) => templateIndex(`${flag} rule role`))
const cueVerbBefore = templateIndex('cue verb-1')
const shapeCount = enumTemplates[shapeTemplate]!.values.length
const quoteCount = enumTemplates[quoteTemplate]!.values.length
const distanceCount = enumTemplates[distanceTemplate]!.values.length
const breakCount = enumTemplates[breakTemplate]!.values.length
// `addInto` is unrolled for seven tags.
if (L !== 7) throw new Error(`the emission tables are written for 7 tags, not ${L}`)

/** scores[base …] += table[value × L …]: one value's weights, for every tag. */
function addInto(scores: Float64Array, table: Float64Array, value: number, base: number): void {
  const at = value * L
  scores[base]! += table[at]!
  scores[base + 1]! += table[at + 1]!
  scores[base + 2]! += table[at + 2]!
  scores[base + 3]! += table[at + 3]!
  scores[base + 4]! += table[at + 4]!
  scores[base + 5]! += table[at + 5]!
  scores[base + 6]! += table[at + 6]!
}

function quoteContextOf(quote: number, role: number, distance: number, clause: number): number {
  return ((quote * roleCount + role) * distanceCount + distance) * (breakCount + 1) + clause + 1
}

export class EmissionTables {
  /** Per enumerated template, values × L weights (zero where the model has no feature). */
  private readonly enumWeights: Float64Array[]
  /** `word class rule role`: (class id × roles + role) × L. */
  private readonly classRoleWeights: Float64Array
  /** The bias and every template of the rules' roles at t − 2 … t + 2, by the five roles (roleCount⁵ × L). */
  private readonly roleContext: Float64Array
  /** The quote, cue distance and clause templates, by quote state, role, distance and break (+1). */
  private readonly quoteContext: Float64Array
  private readonly outside: Float64Array
  private readonly entries = new Map<string, TokenEntry>()
  private scores = new Float64Array(0)

  constructor(
    private readonly index: FeatureIndex,
    private readonly weights: Float64Array,
    private readonly flagLexicon: FlagLexicon
  ) {
    this.enumWeights = index.enumRows.map((rows) => this.dense(rows))
    this.classRoleWeights = this.dense(index.classRows[3]!)
    const tables = this.enumWeights
    this.roleContext = new Float64Array(roleCount ** 5 * L)
    for (let context = 0; context < roleCount ** 5; context++) {
      // Roles at t − 2, t − 1, t, t + 1, t + 2, most significant first.
      const at = [4, 3, 2, 1, 0].map((power) => Math.floor(context / roleCount ** power) % roleCount)
      const [twoBefore, before, here, after, twoAfter] = at as [number, number, number, number, number]
      const base = context * L
      addInto(this.roleContext, tables[bias]!, 0, base)
      ;[here, before, after, twoBefore, twoAfter].forEach((role, slot) => addInto(this.roleContext, tables[roleTemplates[slot]!]!, role, base))
      addInto(this.roleContext, tables[rolePrevious]!, before * roleCount + here, base)
      addInto(this.roleContext, tables[roleNext]!, here * roleCount + after, base)
    }
    this.quoteContext = new Float64Array(quoteCount * roleCount * distanceCount * (breakCount + 1) * L)
    for (let quote = 0; quote < quoteCount; quote++) {
      for (let role = 0; role < roleCount; role++) {
        for (let distance = 0; distance < distanceCount; distance++) {
          for (let clause = -1; clause < breakCount; clause++) {
            const base = quoteContextOf(quote, role, distance, clause) * L
            addInto(this.quoteContext, tables[quoteTemplate]!, quote, base)
            addInto(this.quoteContext, tables[quoteRole]!, quote * roleCount + role, base)
            addInto(this.quoteContext, tables[distanceTemplate]!, distance, base)
            addInto(this.quoteContext, tables[distanceQuote]!, distance * quoteCount + quote, base)
            if (clause >= 0) addInto(this.quoteContext, tables[breakTemplate]!, clause, base)
          }
        }
      }
    }
    this.outside = new Float64Array(slotCount * L)
    const outsideRows = index.words.get(outsideSentence)
    for (let slot = 1; slot < slotCount; slot++) this.addRow(this.outside, slot * L, outsideRows?.[slot] ?? -1)
  }

  private dense(rows: Int32Array): Float64Array {
    const table = new Float64Array(rows.length * L)
    for (let value = 0; value < rows.length; value++) this.addRow(table, value * L, rows[value]!)
    return table
  }

  private addRow(into: Float64Array, at: number, row: number): void {
    if (row < 0) return
    for (let y = 0; y < L; y++) into[at + y]! += this.weights[row * L + y]!
  }

  private entryOf(token: TaggerSentence['tokens'][number]): TokenEntry {
    const key = token.word ? token.text : `\u0000${token.text}`
    const known = this.entries.get(key)
    if (known) return known
    const {index} = this
    const vectors = new Float64Array(slotCount * L)
    const rows = index.words.get(token.lower) ?? index.words.get(unknownWord)
    for (let slot = 0; slot < slotCount; slot++) this.addRow(vectors, slot * L, rows?.[slot] ?? -1)
    const classes = token.word ? this.flagLexicon.wordClasses.classesOf(token.lower) : []
    for (let template = 0; template < 3; template++) {
      // Class templates 0, 1, 2 read the token, the one before, the one after: slots 0, 1, 2.
      const slot = wordOffsets.indexOf(classOffsets[template]!)
      for (const id of classes) this.addRow(vectors, slot * L, index.classRows[template]![id]!)
    }
    const suffix = suffixOf(token)
    if (suffix !== undefined) this.addRow(vectors, 0, index.suffixes.get(suffix) ?? -1)
    const shape = shapeOf(token)
    this.addRow(vectors, 0, index.enumRows[shapeTemplate]![shape]!)
    const flags = this.flagLexicon.flags(token)
    const byRole = new Float64Array(roleCount * L)
    for (let bit = 0; bit < flagTemplates.length; bit++) {
      if (((flags >>> bit) & 1) === 0) continue
      this.addRow(vectors, 0, index.enumRows[flagTemplates[bit]!]![0]!)
      for (let role = 0; role < roleCount; role++) this.addRow(byRole, role * L, index.enumRows[flagRoleTemplates[bit]!]![role]!)
    }
    if (flags & 1) this.addRow(vectors, L, index.enumRows[cueVerbBefore]![0]!)
    for (const id of classes) for (let role = 0; role < roleCount; role++) addInto(byRole, this.classRoleWeights, id * roleCount + role, role * L)
    const entry = {vectors, byRole, shape}
    if (this.entries.size >= cacheLimit) this.entries.clear()
    this.entries.set(key, entry)
    return entry
  }

  /** n × L emission scores of the sentence, in a buffer reused by the next call. */
  emissionsOf(sentence: TaggerSentence): Float64Array {
    const {tokens, roles, rules, quotes} = sentence
    const n = tokens.length
    if (this.scores.length < n * L) this.scores = new Float64Array(Math.max(n, 64) * 2 * L)
    const scores = this.scores
    scores.fill(0, 0, n * L)
    const entries = tokens.map((token) => this.entryOf(token))
    const {distances, breaks} = cueGeometry(tokens, roles)
    const tables = this.enumWeights
    const roleAt = (t: number): number => (t < 0 || t >= n ? noRole : roles[t]!)
    for (let t = 0; t < n; t++) {
      const base = t * L
      const entry = entries[t]!
      addInto(scores, entry.vectors, 0, base)
      for (let slot = 1; slot < slotCount; slot++) {
        const at = t + wordOffsets[slot]!
        if (at < 0 || at >= n) addInto(scores, this.outside, slot, base)
        else addInto(scores, entries[at]!.vectors, slot, base)
      }
      if (t > 0) addInto(scores, tables[shapePrevious]!, entries[t - 1]!.shape * shapeCount + entry.shape, base)
      if (t < n - 1) addInto(scores, tables[shapeNext]!, entry.shape * shapeCount + entries[t + 1]!.shape, base)
      const role = roles[t]!
      const context = (((roleAt(t - 2) * roleCount + roleAt(t - 1)) * roleCount + role) * roleCount + roleAt(t + 1)) * roleCount + roleAt(t + 2)
      addInto(scores, this.roleContext, context, base)
      addInto(scores, this.quoteContext, quoteContextOf(quotes[t]!, role, distances[t]!, breaks[t]!), base)
      addInto(scores, entry.byRole, role, base)
      if (rules[t]! !== 0 && role !== 0) addInto(scores, tables[ruleTemplate]!, (rules[t]! - 1) * 3 + ((role + 1) >> 1) - 1, base)
      if (t === 0) addInto(scores, tables[firstTemplate]!, 0, base)
      if (t === n - 1) addInto(scores, tables[lastTemplate]!, 0, base)
    }
    return scores
  }
}
