/**
 * The tagger's features, by name: what each token of a sentence looks like
 * to the model. The trainer and the plugin compute them through this one
 * module, so a weight in the model file means the same thing in both.
 *
 * A feature is a template and a value ("word=said", "rule role-1=B-SOURCE");
 * the model holds, for each, one weight per tag. Templates read the token and
 * its neighbours (words, suffix, shape), what the attribution rules made of
 * them (their role, their rule, the distance to the rules' nearest cue),
 * quote state, clause breaks between the token and that cue, and word lists
 * of the cue lexicon.
 */

import type {CueLexicon} from '../attribution/lexicon.ts'
import type {SourceTyper} from '../attribution/source.ts'
import {rulePriority} from '../attribution/rules/shared.ts'
import type {Token} from '../attribution/tokens.ts'
import {labels} from './crf.ts'
import {WordClasses} from './word-classes.ts'

/** A sentence as the tagger reads it. */
export interface TaggerSentence {
  tokens: Token[]
  /** Each token's tag in the rules' attributions of the sentence (an index of `labels`). */
  roles: Uint8Array
  /** 1 + the index in `rulePriority` of the rule whose attribution holds the token, 0 for none. */
  rules: Uint8Array
  /** 0 outside quotes, 1 inside, 2 a quote mark. */
  quotes: Uint8Array
}

/** Positions of the word templates: the token, one before, one after, two before, two after. */
export const wordOffsets = [0, -1, 1, -2, 2] as const
const wordTemplateNames = ['word', 'word-1', 'word+1', 'word-2', 'word+2'] as const

const shapes = ['lower', 'capitalised', 'upper', 'number', 'quote', 'comma', 'stop', 'dash', 'other'] as const
const roleValues = [...labels, 'none'] as const
const quoteValues = ['outside', 'inside', 'mark'] as const
/** Signed token distance to the rules' nearest cue, in buckets. */
const distanceValues = ['no-cue', '<=-11', '-10..-6', '-5..-3', '-2', '-1', '0', '+1', '+2', '+3..+5', '+6..+10', '>=+11'] as const
const breakValues = ['before-cue', 'before-cue-past-break', 'after-cue', 'after-cue-past-break'] as const
const ruleValues: string[] = rulePriority.flatMap((rule) => ['source', 'cue', 'content'].map((role) => `${rule}:${role}`))

/** Word lists of the lexicons, each a yes/no feature of a token's lower-case form. */
export const flagNames = [
  'cue verb',
  'nominal cue',
  'evidence verb',
  'raising verb',
  'hearsay adverb',
  'message verb',
  'auxiliary',
  'adverb',
  'subordinator',
  'preposition',
  'question word',
  'time word',
  'pronoun',
  'speaker noun'
] as const

/** An enumerated template: its values' names, and how a token's value is found (−1: the feature is off). */
interface EnumTemplate {
  name: string
  values: readonly string[]
  value: (attributes: SentenceAttributes, t: number) => number
}

/** What is computed once per token, before the templates read it. */
export interface SentenceAttributes {
  n: number
  shapes: Uint8Array
  roles: Uint8Array
  rules: Uint8Array
  quotes: Uint8Array
  distances: Uint8Array
  breaks: Int8Array
  /** Bit i set: flag i holds. */
  flags: Uint32Array
  /** Each token's WordNet classes (ids into the class list). */
  classes: Array<readonly number[]>
}

const role = (attributes: SentenceAttributes, t: number): number => (t < 0 || t >= attributes.n ? roleValues.length - 1 : attributes.roles[t]!)
const shape = (attributes: SentenceAttributes, t: number): number => (t < 0 || t >= attributes.n ? -1 : attributes.shapes[t]!)
const pairOf = (a: number, b: number, size: number): number => (a < 0 || b < 0 ? -1 : a * size + b)
const product = (a: readonly string[], b: readonly string[]): string[] => a.flatMap((x) => b.map((y) => `${x} ${y}`))

export const enumTemplates: readonly EnumTemplate[] = [
  {name: 'bias', values: ['on'], value: () => 0},
  {name: 'shape', values: shapes, value: (a, t) => a.shapes[t]!},
  {name: 'shape-1 shape', values: product(shapes, shapes), value: (a, t) => pairOf(shape(a, t - 1), shape(a, t), shapes.length)},
  {name: 'shape shape+1', values: product(shapes, shapes), value: (a, t) => pairOf(shape(a, t), shape(a, t + 1), shapes.length)},
  {name: 'rule role', values: roleValues, value: (a, t) => role(a, t)},
  {name: 'rule role-1', values: roleValues, value: (a, t) => role(a, t - 1)},
  {name: 'rule role+1', values: roleValues, value: (a, t) => role(a, t + 1)},
  {name: 'rule role-2', values: roleValues, value: (a, t) => role(a, t - 2)},
  {name: 'rule role+2', values: roleValues, value: (a, t) => role(a, t + 2)},
  {name: 'rule role-1 rule role', values: product(roleValues, roleValues), value: (a, t) => role(a, t - 1) * roleValues.length + role(a, t)},
  {name: 'rule role rule role+1', values: product(roleValues, roleValues), value: (a, t) => role(a, t) * roleValues.length + role(a, t + 1)},
  {name: 'rule', values: ruleValues, value: (a, t) => (a.rules[t]! === 0 || a.roles[t]! === 0 ? -1 : (a.rules[t]! - 1) * 3 + ((a.roles[t]! + 1) >> 1) - 1)},
  {name: 'quote', values: quoteValues, value: (a, t) => a.quotes[t]!},
  {name: 'quote rule role', values: product(quoteValues, roleValues), value: (a, t) => a.quotes[t]! * roleValues.length + role(a, t)},
  {name: 'cue distance', values: distanceValues, value: (a, t) => a.distances[t]!},
  {name: 'cue distance quote', values: product(distanceValues, quoteValues), value: (a, t) => a.distances[t]! * quoteValues.length + a.quotes[t]!},
  {name: 'clause to cue', values: breakValues, value: (a, t) => a.breaks[t]!},
  {name: 'first', values: ['yes'], value: (_, t) => (t === 0 ? 0 : -1)},
  {name: 'last', values: ['yes'], value: (a, t) => (t === a.n - 1 ? 0 : -1)},
  ...flagNames.map((flag, bit) => ({name: flag, values: ['yes'], value: (a: SentenceAttributes, t: number) => ((a.flags[t]! >>> bit) & 1 ? 0 : -1)})),
  ...flagNames.map((flag, bit) => ({
    name: `${flag} rule role`,
    values: roleValues,
    value: (a: SentenceAttributes, t: number) => ((a.flags[t]! >>> bit) & 1 ? role(a, t) : -1)
  })),
  {
    name: 'cue verb-1',
    values: ['yes'],
    value: (a, t) => (t > 0 && a.flags[t - 1]! & 1 ? 0 : -1)
  }
]

/**
 * Templates of a token's WordNet lexicographer classes (verb.communication,
 * noun.person, …), of it and its neighbours, and with the rules' role of it:
 * a word may have several, and each is a feature.
 */
export const classTemplates = ['word class', 'word class-1', 'word class+1', 'word class rule role'] as const
/** Where each class template reads: the token, the one before, the one after, the token. */
export const classOffsets = [0, -1, 1, 0] as const

/** The values of a class template, by class id (and role, for `word class rule role`). */
export function classValues(template: number, names: readonly string[]): string[] {
  return template === 3 ? product(names, roleValues) : [...names]
}

/** The word-list lookups the flags need, built once from the lexicons, and WordNet's classes. */
export class FlagLexicon {
  private readonly lists: Array<ReadonlySet<string>>
  private readonly typer: SourceTyper
  readonly wordClasses: WordClasses

  constructor(lexicon: CueLexicon, typer: SourceTyper, wordClasses: WordClasses = WordClasses.load()) {
    this.typer = typer
    this.wordClasses = wordClasses
    this.lists = [
      new Set(lexicon.frames.keys()),
      lexicon.nominal,
      lexicon.evidenceVerbs,
      lexicon.raisingVerbs,
      lexicon.hearsay,
      lexicon.messageVerbs,
      lexicon.auxiliaries,
      lexicon.adverbs,
      lexicon.subordinators,
      lexicon.prepositions,
      lexicon.questionWords,
      lexicon.timeWords
    ]
  }

  flags(token: Token): number {
    if (!token.word) return 0
    let flags = 0
    const lists = this.lists
    for (let bit = 0; bit < lists.length; bit++) if (lists[bit]!.has(token.lower)) flags |= 1 << bit
    if (this.typer.isPronoun(token)) flags |= 1 << lists.length
    if (this.typer.isSpeakerNoun(token)) flags |= 1 << (lists.length + 1)
    return flags
  }
}

/** A token's shape: an index of `shapes`. */
export function shapeOf(token: Token): number {
  const text = token.text
  if (token.word) {
    const first = text.charCodeAt(0)
    if (/\d/u.test(text)) return 3
    if (text !== token.lower) {
      if (text.length > 1 && text.toUpperCase() === text) return 2
      return 1
    }
    return first >= 0 ? 0 : 8
  }
  if (/^(?:["“”'‘’«»„`]|''|``)$/u.test(text)) return 4
  if (text === ',') return 5
  if (/^[.!?;:]$/u.test(text)) return 6
  if (/^(?:[—–―-]|--)$/u.test(text)) return 7
  return 8
}

function distanceBucket(distance: number): number {
  if (distance <= -11) return 1
  if (distance <= -6) return 2
  if (distance <= -3) return 3
  if (distance === -2) return 4
  if (distance === -1) return 5
  if (distance === 0) return 6
  if (distance === 1) return 7
  if (distance === 2) return 8
  if (distance <= 5) return 9
  if (distance <= 10) return 10
  return 11
}

const noClasses: readonly number[] = []

const isClauseBreak = (token: Token): boolean => !token.word && /^(?:[,;:()—–―]|--)$/u.test(token.text)

/** The per-token attributes the templates read. */
export function attributesOf(sentence: TaggerSentence, flagLexicon: FlagLexicon): SentenceAttributes {
  const {tokens, roles, rules, quotes} = sentence
  const n = tokens.length
  const shapes = new Uint8Array(n)
  const flags = new Uint32Array(n)
  const classes: Array<readonly number[]> = new Array(n)
  for (let t = 0; t < n; t++) {
    const token = tokens[t]!
    classes[t] = token.word ? flagLexicon.wordClasses.classesOf(token.lower) : noClasses
    shapes[t] = shapeOf(token)
    flags[t] = flagLexicon.flags(token)
  }
  const {distances, breaks} = cueGeometry(tokens, roles)
  return {n, shapes, roles, rules, quotes, distances, breaks, flags, classes}
}

/**
 * Each token's distance to the rules' nearest cue (a bucket of
 * `distanceValues`) and whether a clause break lies between (`breakValues`,
 * −1 for the cue itself or no cue).
 */
export function cueGeometry(tokens: readonly Token[], roles: Uint8Array): {distances: Uint8Array; breaks: Int8Array} {
  const n = tokens.length
  const distances = new Uint8Array(n)
  const breaks = new Int8Array(n).fill(-1)
  const cueAt: number[] = []
  for (let t = 0; t < n; t++) if (roles[t] === 3 || roles[t] === 4) cueAt.push(t)
  if (cueAt.length > 0) {
    // Breaks before each token, counted from the start, so "a break between t and the cue" is one subtraction.
    const breaksBefore = new Int32Array(n + 1)
    for (let t = 0; t < n; t++) breaksBefore[t + 1] = breaksBefore[t]! + (isClauseBreak(tokens[t]!) ? 1 : 0)
    let next = 0
    for (let t = 0; t < n; t++) {
      while (next < cueAt.length - 1 && Math.abs(cueAt[next + 1]! - t) <= Math.abs(cueAt[next]! - t)) next++
      const cue = cueAt[next]!
      distances[t] = distanceBucket(t - cue)
      if (t < cue) breaks[t] = breaksBefore[cue]! - breaksBefore[t + 1]! > 0 ? 1 : 0
      else if (t > cue) breaks[t] = breaksBefore[t]! - breaksBefore[cue + 1]! > 0 ? 3 : 2
    }
  }
  return {distances, breaks}
}

/** The suffix feature's value: the last three letters of a longer word. */
export function suffixOf(token: Token): string | undefined {
  return token.word && token.lower.length > 4 ? token.lower.slice(-3) : undefined
}

export const wordTemplates = wordTemplateNames
export const suffixTemplate = 'suffix'

/** Every template name, in the model file's order. */
export const templateNames: readonly string[] = [...wordTemplateNames, suffixTemplate, ...classTemplates, ...enumTemplates.map((template) => template.name)]

/** A feature's name as the model file writes it. */
export function featureName(template: string, value: string): string {
  return `${template}=${value}`
}
