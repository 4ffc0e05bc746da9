/**
 * What the attribution stage gets wrong, counted so that the next round of
 * work can start from the largest group: the cues it missed and those it
 * found where gold has none, by kind; and, for the attributions it found,
 * which edge of the cue, the content or the source is off. A pure function
 * of gold and predicted attributions: `npm run eval -- attribution
 * --failures` formats its report.
 */
import {loadCueLexicon} from '../attribution/lexicon.ts'
import {Lexicon, LexiconError, lowerSet} from '../lexicon.ts'
import {type GoldAttribution, type GoldSpan, overlapSize, pairByOverlap, roleKey, trimSpan} from './score.ts'

/** Kinds of cue; cue-kinds.yml says how a cue gets its kind. */
export const cueKinds = ['speech verb', 'belief/intention', 'nominal', 'evidence', 'according to', 'punctuation/dash', 'other (long tail)'] as const
export type CueKind = (typeof cueKinds)[number]

export interface CueClass {
  kind: CueKind
  /** The word (or phrasal cue) that decided the kind, lower-cased: "said" for "has said Friday". */
  head: string
}

/** The kind of the cue at these spans of an article's text. */
export type CueClassifier = (text: string, cue: readonly GoldSpan[]) => CueClass

const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu
/** The word right before an offset, on the same line; a trailing apostrophe kept for "officials’ statement". */
const wordBeforePattern = /([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?)[^\S\n]+$/u
/** The word a cue starting at "'s" is attached to. */
const wordAttachedPattern = /([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)$/u

/**
 * The cue classifier of cue-kinds.yml, with the speech verbs of
 * speech-cues.yml and the cue lexicon's verbs, nouns and skipped words.
 * Every list is read once, here.
 */
export function createCueClassifier(): CueClassifier {
  const lexicon = new Lexicon(new URL('./cue-kinds.yml', import.meta.url))
  const kinds = lexicon.groups('kinds')
  const listOf = (name: string): Set<string> => {
    const words = kinds.get(name)
    if (words === undefined) throw new LexiconError(`${lexicon.path}: missing \`kinds.${name}\``)
    return new Set(words)
  }
  const belief = listOf('belief')
  const evidence = listOf('evidence')
  const unknown = [...kinds.keys()].filter((name) => !['belief', 'evidence', 'nominal'].includes(name))
  if (unknown.length > 0) throw new LexiconError(`${lexicon.path}: unknown kind \`${unknown[0]}\` (kinds are belief, evidence and nominal)`)
  const cues = loadCueLexicon()
  const speech = lowerSet(new Lexicon(new URL('./speech-cues.yml', import.meta.url)).strings('speech'))
  // The cue lexicon lists the forms the rules match; its lemmas count too, so "call", which it
  // lacks as a form, is a speech verb the rules miss and not part of the long tail.
  const cueFile = new Lexicon(new URL('../attribution/data/cues.yml', import.meta.url))
  const lemmas = (['clause', 'object', 'tell'] as const).flatMap((section) => [...cueFile.groups(section).keys()])
  const verbs = new Set([...speech, ...cues.frames.keys(), ...lemmas])
  const nouns = new Set([...listOf('nominal'), ...cues.nominal])
  // Longest first, so "weighed in on" wins over "weighed in".
  const phrasal = [...cues.phrasalFrames.keys()].map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length)
  const determiners = lowerSet(lexicon.strings('determiners'))
  const notPossessives = lowerSet(lexicon.strings('not-possessives'))
  const auxiliaries = new Set([...lowerSet(lexicon.strings('auxiliaries')), ...cues.auxiliaries])
  const skipped = new Set([...lowerSet(lexicon.strings('skipped')), ...auxiliaries, ...cues.adverbs, ...determiners])
  const listed = (word: string): boolean => belief.has(word) || evidence.has(word) || nouns.has(word) || verbs.has(word)
  const possessive = (word: string): boolean => {
    const plain = word.replace(/’/gu, "'")
    return /(?:'s|s')$/u.test(plain) && !notPossessives.has(plain)
  }
  const isMarker = (word: string | undefined): boolean => word !== undefined && (determiners.has(word) || possessive(word))

  /** The cue's head: a phrasal cue, else the first listed word, else the first word not skipped. */
  const findHead = (words: readonly string[]): {head: string; first: string; index: number; phrasal: boolean} => {
    for (let index = 0; index < words.length; index++) {
      for (const phrase of phrasal) {
        if (phrase.every((word, offset) => words[index + offset] === word)) return {head: phrase.join(' '), first: phrase[0]!, index, phrasal: true}
      }
    }
    let index = words.findIndex(listed)
    if (index === -1) index = words.findIndex((word) => !skipped.has(word))
    if (index === -1) index = words.length - 1
    const word = words[index]!
    return {head: word, first: word, index, phrasal: false}
  }

  return (text, spans) => {
    const ordered = [...spans].sort((a, b) => a.start - b.start)
    const cueText = ordered.map((span) => text.slice(span.start, span.end)).join(' ')
    let words: string[] = [...(cueText.toLowerCase().match(wordPattern) ?? [])]
    if (words.length === 0) return {kind: 'punctuation/dash', head: cueText.replace(/\s+/gu, ' ').trim() || cueText}
    if (words.some((word, index) => word === 'according' && words[index + 1] === 'to')) return {kind: 'according to', head: 'according to'}
    const cueStart = ordered[0]?.start ?? 0
    const preceding = text.slice(Math.max(0, cueStart - 40), cueStart)
    // A cue that starts at "'s" ("Obama['s decision]", "he['s changed]") ends the word before it.
    const attached = /^['’]s\b/u.test(cueText) ? wordAttachedPattern.exec(preceding)?.[1] : undefined
    const before = attached !== undefined ? `${attached.toLowerCase()}'s` : wordBeforePattern.exec(preceding)?.[1]?.toLowerCase()
    if (attached !== undefined) words = words.slice(1)
    if (words.length === 0) return {kind: 'other (long tail)', head: "'s"}
    const {head, first, index, phrasal: isPhrasal} = findHead(words)
    // A word that is also a verb form ("claims", "report") is a noun only where a determiner or
    // possessor says so, in the cue or right before it ("Trump's claim", "police's earlier
    // claim"), with no auxiliary between ("her campaign has said" is a verb's).
    const leading = [before, ...words.slice(0, index)]
    let marker = leading.length - 1
    while (marker >= 0 && !isMarker(leading[marker])) marker--
    const afterDeterminer = marker !== -1 && !leading.slice(marker + 1).some((word) => word !== undefined && auxiliaries.has(word))
    if (afterDeterminer || (!isPhrasal && nouns.has(head) && !verbs.has(head))) return {kind: 'nominal', head}
    if (belief.has(first)) return {kind: 'belief/intention', head}
    if (evidence.has(first)) return {kind: 'evidence', head}
    if (isPhrasal || verbs.has(head)) return {kind: 'speech verb', head}
    return {kind: 'other (long tail)', head}
  }
}

let sharedClassifier: CueClassifier | undefined

// --- The report -----------------------------------------------------------------

export interface FailureArticle {
  docId: string
  text: string
  gold: readonly GoldAttribution[]
  predicted: readonly GoldAttribution[]
}

export interface WordCount {
  word: string
  count: number
}

export interface CueExample {
  docId: string
  /** The cue's text. */
  cue: string
  /** The cue in brackets within its sentence, about 60 characters either side. */
  context: string
}

export interface CueGroup {
  kind: CueKind
  count: number
  /** The most frequent head words, by count then alphabetically. */
  words: WordCount[]
  examples: CueExample[]
}

export interface CueFailures {
  total: number
  /** By count, then alphabetically by kind; kinds with no cue left out. */
  groups: CueGroup[]
}

/**
 * How a predicted span differs from its gold one. The four edges are counted
 * once each (a span can start too early and end too late); `piecesDiffer`:
 * same outer edges, different pieces (a gap in one of them); `disjoint`: the
 * two do not overlap; `missing` and `spurious`: only gold, or only the
 * prediction, has the role.
 */
export const spanErrors = ['startEarly', 'startLate', 'endEarly', 'endLate', 'piecesDiffer', 'disjoint', 'missing', 'spurious'] as const
export type SpanError = (typeof spanErrors)[number]

export interface SpanExample {
  docId: string
  /** The gold cue's text, to find the attribution by. */
  cue: string
  /** Shortened to about 90 characters, keeping both ends; empty when the side has no span. */
  gold: string
  predicted: string
}

export interface SpanFailures {
  /** Paired attributions where gold and prediction both have the role. */
  compared: number
  /** Of those, equal after trimming as the exact scores trim. */
  exact: number
  counts: Record<SpanError, number>
  examples: Record<SpanError, SpanExample[]>
}

export interface AttributionFailures {
  gold: number
  predicted: number
  /** Attributions without a cue: they can be neither missed nor paired. */
  withoutCue: {gold: number; predicted: number}
  /** One-to-one pairs by overlapping cue, as the whole-attribution scores pair them. */
  paired: number
  /** Gold cues that no predicted cue overlaps. */
  missed: CueFailures
  /** Predicted cues that no gold cue overlaps. */
  spurious: CueFailures
  /**
   * Cues that a cue of the other side overlaps, unpaired because that one is
   * paired with another attribution (one "said" heading two gold attributions).
   */
  sharedCue: {gold: number; predicted: number}
  /** Cue edges of the paired attributions; a cue pair always overlaps, so disjoint, missing and spurious stay 0. */
  cue: SpanFailures
  content: SpanFailures
  source: SpanFailures
}

export interface FailureOptions {
  /** Defaults to the classifier of cue-kinds.yml, loaded once. */
  classify?: CueClassifier
  /** Examples kept for each group and each kind of span error (default 3). */
  examples?: number
  /** Head words listed for each group (default 10). */
  words?: number
}

interface FoundCue {
  docId: string
  text: string
  spans: readonly GoldSpan[]
  class: CueClass
}

/** Missed and spurious cues by kind, and the edge errors of the attributions paired by cue. */
export function attributionFailures(articles: readonly FailureArticle[], options: FailureOptions = {}): AttributionFailures {
  const classify = options.classify ?? (sharedClassifier ??= createCueClassifier())
  const exampleCount = options.examples ?? 3
  const wordCount = options.words ?? 10
  const missed: FoundCue[] = []
  const spurious: FoundCue[] = []
  const withoutCue = {gold: 0, predicted: 0}
  const sharedCue = {gold: 0, predicted: 0}
  const spans = {cue: new SpanTally(), content: new SpanTally(), source: new SpanTally()}
  let gold = 0
  let predicted = 0
  let paired = 0

  for (const {docId, text, gold: goldItems, predicted: predictedItems} of articles) {
    gold += goldItems.length
    predicted += predictedItems.length
    const pairs = pairByOverlap(predictedItems, goldItems, (item) => item.cue)
    paired += pairs.length
    const unmatched = (
      items: readonly GoldAttribution[],
      others: readonly GoldAttribution[],
      pairedIndexes: ReadonlySet<number>,
      side: 'gold' | 'predicted',
      into: FoundCue[]
    ): void => {
      items.forEach((item, index) => {
        if (item.cue.length === 0) {
          withoutCue[side]++
        } else if (!pairedIndexes.has(index)) {
          if (others.some((other) => overlapSize(other.cue, item.cue) > 0)) {
            sharedCue[side]++
          } else {
            into.push({docId, text, spans: item.cue, class: classify(text, item.cue)})
          }
        }
      })
    }
    unmatched(goldItems, predictedItems, new Set(pairs.map(([, j]) => j)), 'gold', missed)
    unmatched(predictedItems, goldItems, new Set(pairs.map(([i]) => i)), 'predicted', spurious)

    for (const [i, j] of pairs) {
      const p = predictedItems[i]!
      const g = goldItems[j]!
      const cue = spanText(text, g.cue)
      spans.cue.compare(text, g.cue, p.cue, {docId, cue}, true)
      spans.content.compare(text, g.content, p.content, {docId, cue}, false)
      spans.source.compare(text, g.source, p.source, {docId, cue}, false)
    }
  }

  const group = (found: readonly FoundCue[]): CueFailures => {
    const byKind = new Map<CueKind, FoundCue[]>()
    for (const item of found) {
      const list = byKind.get(item.class.kind)
      if (list) list.push(item)
      else byKind.set(item.class.kind, [item])
    }
    const groups = [...byKind].map(([kind, items]): CueGroup => {
      const words = new Map<string, number>()
      for (const item of items) words.set(item.class.head, (words.get(item.class.head) ?? 0) + 1)
      return {
        kind,
        count: items.length,
        words: byCount([...words].map(([word, count]) => ({word, count})), (item) => item.word).slice(0, wordCount),
        examples: spread(items, exampleCount).map((item) => ({docId: item.docId, cue: spanText(item.text, item.spans), context: cueContext(item.text, item.spans)}))
      }
    })
    return {total: found.length, groups: byCount(groups, (item) => item.kind)}
  }

  return {
    gold,
    predicted,
    withoutCue,
    paired,
    missed: group(missed),
    spurious: group(spurious),
    sharedCue,
    cue: spans.cue.result(exampleCount),
    content: spans.content.result(exampleCount),
    source: spans.source.result(exampleCount)
  }
}

/** Counts and examples of one role's span errors over the paired attributions. */
class SpanTally {
  private compared = 0
  private exact = 0
  private readonly found: Record<SpanError, SpanExample[]> = emptyRecord(() => [])

  compare(text: string, gold: readonly GoldSpan[], predicted: readonly GoldSpan[], where: {docId: string; cue: string}, isCue: boolean): void {
    // A cue of marks only ("―", ":") trims to nothing: compare its spans as they are.
    const key = (spans: readonly GoldSpan[]): string | null =>
      roleKey(text, spans) ?? (isCue && spans.length > 0 ? spans.map((span) => `${span.start}-${span.end}`).join(',') : null)
    const goldKey = key(gold)
    const predictedKey = key(predicted)
    const example = (): SpanExample => ({...where, gold: shorten(spanText(text, gold)), predicted: shorten(spanText(text, predicted))})
    if (goldKey === null && predictedKey === null) return
    if (goldKey === null || predictedKey === null) {
      this.found[goldKey === null ? 'spurious' : 'missing'].push(example())
      return
    }
    this.compared++
    if (goldKey === predictedKey) {
      this.exact++
      return
    }
    if (overlapSize(gold, predicted) === 0) {
      this.found.disjoint.push(example())
      return
    }
    const g = extent(text, gold, isCue)!
    const p = extent(text, predicted, isCue)!
    const wrong: SpanError[] = []
    if (p.start < g.start) wrong.push('startEarly')
    if (p.start > g.start) wrong.push('startLate')
    if (p.end < g.end) wrong.push('endEarly')
    if (p.end > g.end) wrong.push('endLate')
    if (wrong.length === 0) wrong.push('piecesDiffer')
    const item = example()
    for (const error of wrong) this.found[error].push(item)
  }

  result(exampleCount: number): SpanFailures {
    const counts = emptyRecord<number>(() => 0)
    const examples = emptyRecord<SpanExample[]>(() => [])
    for (const error of spanErrors) {
      counts[error] = this.found[error].length
      examples[error] = spread(this.found[error], exampleCount)
    }
    return {compared: this.compared, exact: this.exact, counts, examples}
  }
}

/** A report's counts, without its examples and words: what `--json` records. */
export interface FailureCounts {
  gold: number
  predicted: number
  paired: number
  withoutCue: {gold: number; predicted: number}
  sharedCue: {gold: number; predicted: number}
  missedCues: {total: number; byKind: Partial<Record<CueKind, number>>}
  spuriousCues: {total: number; byKind: Partial<Record<CueKind, number>>}
  cue: {compared: number; exact: number} & Record<'startEarly' | 'startLate' | 'endEarly' | 'endLate' | 'piecesDiffer', number>
  content: {compared: number; exact: number} & Record<SpanError, number>
  source: {compared: number; exact: number} & Record<SpanError, number>
}

export function failureCounts(report: AttributionFailures): FailureCounts {
  const kinds = (failures: CueFailures): FailureCounts['missedCues'] => ({
    total: failures.total,
    byKind: Object.fromEntries(failures.groups.map((group) => [group.kind, group.count]))
  })
  const edges = ({compared, exact, counts}: SpanFailures) => ({compared, exact, ...counts})
  const {compared, exact, counts} = report.cue
  return {
    gold: report.gold,
    predicted: report.predicted,
    paired: report.paired,
    withoutCue: report.withoutCue,
    sharedCue: report.sharedCue,
    missedCues: kinds(report.missed),
    spuriousCues: kinds(report.spurious),
    cue: {compared, exact, startEarly: counts.startEarly, startLate: counts.startLate, endEarly: counts.endEarly, endLate: counts.endLate, piecesDiffer: counts.piecesDiffer},
    content: edges(report.content),
    source: edges(report.source)
  }
}

function emptyRecord<T>(make: () => T): Record<SpanError, T> {
  return Object.fromEntries(spanErrors.map((error) => [error, make()])) as Record<SpanError, T>
}

/** From the first trimmed piece's start to the last one's end; a cue of marks only keeps its own edges. */
function extent(text: string, spans: readonly GoldSpan[], keepUntrimmable: boolean): {start: number; end: number} | null {
  const trimmed = spans.map((span) => trimSpan(text, span)).filter((span): span is {start: number; end: number} => span !== null)
  const pieces = trimmed.length > 0 || !keepUntrimmable ? trimmed : spans
  if (pieces.length === 0) return null
  return {start: Math.min(...pieces.map((span) => span.start)), end: Math.max(...pieces.map((span) => span.end))}
}

/** The spans' text in order, a gap between pieces shown as " | " (an ellipsis marks text cut by `shorten`). */
function spanText(text: string, spans: readonly GoldSpan[]): string {
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .map((span) => text.slice(span.start, span.end))
    .join(' | ')
}

const collapse = (value: string): string => value.replace(/\s+/gu, ' ')

/** Long text cut in the middle, so both of its edges show. */
export function shorten(value: string, length = 90): string {
  const flat = collapse(value).trim()
  if (flat.length <= length) return flat
  const half = Math.floor((length - 3) / 2)
  return `${flat.slice(0, half).trimEnd()} … ${flat.slice(-half).trimStart()}`
}

// Roughly where a sentence ends, to keep an example's context to its sentence: a stop after a
// lower-case word ("rose.") or a capitalised one of six letters or more ("Friday."), or ! or ?,
// before a capital, a digit or an opening quote. Titles and abbreviations ("Sen.", "Calif.",
// "U.S.") end none.
const sentenceStop = /(?:(?:\p{Ll}{2,}|\p{Lu}\p{Ll}{5,})[.!?]|[!?])["”’)]*(?=\s+[\p{Lu}\p{N}"“‘'(])/gu

/** Where the sentences that stop between `from` and `to` end (after any closing quote). */
function sentenceStops(text: string, from: number, to: number): number[] {
  const stops: number[] = []
  // A little before `from`, so that a word cut by the window ("en." of "Sen.") is read whole.
  const before = Math.max(0, from - 20)
  for (const match of text.slice(before, to).matchAll(sentenceStop)) {
    const at = before + match.index
    const after = at + match[0].length
    // The match must be a whole word: "Sen." holds "en." and is no stop.
    if (at > 0 && /\p{L}/u.test(text[at - 1]!)) continue
    if (after >= from && after <= to) stops.push(after)
  }
  return stops
}

/** The cue in brackets with up to `width` characters either side, within its line and sentence. */
export function cueContext(text: string, spans: readonly GoldSpan[], width = 60): string {
  const start = Math.min(...spans.map((span) => span.start))
  const end = Math.max(...spans.map((span) => span.end))
  let from = Math.max(0, start - width)
  let to = Math.min(text.length, end + width)
  let cutLeft = from > 0
  let cutRight = to < text.length
  const lineStart = start > 0 ? text.lastIndexOf('\n', start - 1) : -1
  if (lineStart !== -1 && lineStart + 1 >= from) [from, cutLeft] = [lineStart + 1, false]
  const lineEnd = text.indexOf('\n', end)
  if (lineEnd !== -1 && lineEnd <= to) [to, cutRight] = [lineEnd, false]
  const lastStop = sentenceStops(text, from, start).at(-1)
  if (lastStop !== undefined) [from, cutLeft] = [lastStop, false]
  const firstStop = sentenceStops(text, end, to)[0]
  if (firstStop !== undefined) [to, cutRight] = [firstStop, false]
  const left = collapse(text.slice(from, start)).trimStart()
  const right = collapse(text.slice(end, to)).trimEnd()
  return `${cutLeft ? '…' : ''}${left}[${collapse(text.slice(start, end))}]${right}${cutRight ? '…' : ''}`
}

/** By count, then by name in code-point order: the same order on any machine. */
function byCount<T extends {count: number}>(items: T[], name: (item: T) => string): T[] {
  return items.sort((a, b) => b.count - a.count || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
}

/** Up to `count` items spread evenly over the list, so examples come from across the data, not its first article. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  return Array.from({length: count}, (_, index) => items[Math.floor((index * items.length) / count)]!)
}
