/** Scorers for the evaluation tasks. Pure functions: unit-tested on hand-made cases. */

export interface PRF {
  precision: number
  recall: number
  f1: number
}

export function prf(matched: number, predicted: number, gold: number): PRF {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matched / predicted
  const recall = gold === 0 ? (predicted === 0 ? 1 : 0) : matched / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}

// --- Sentence boundaries ---------------------------------------------------

export interface SbdCase {
  id: string | number
  input: string
  expected: string[]
}

export interface SbdCounts {
  passed: number
  total: number
  /** Boundaries found that are gold boundaries. */
  truePositives: number
  predicted: number
  gold: number
}

/**
 * Offsets where each sentence after the first starts, found by locating the
 * sentences in order in the input (white space around them is ignored).
 */
export function boundaries(input: string, sentences: readonly string[]): number[] {
  const starts: number[] = []
  let cursor = 0
  for (const sentence of sentences) {
    const trimmed = sentence.trim()
    if (trimmed === '') continue
    const at = input.indexOf(trimmed, cursor)
    if (at === -1) throw new Error(`sentence not found in input: ${JSON.stringify(trimmed.slice(0, 60))}`)
    starts.push(at)
    cursor = at + trimmed.length
  }
  return starts.slice(1)
}

export function scoreSbdCase(testCase: SbdCase, found: readonly string[]): SbdCounts {
  const expected = testCase.expected.map((sentence) => sentence.trim()).filter(Boolean)
  const got = found.map((sentence) => sentence.trim()).filter(Boolean)
  const gold = new Set(boundaries(testCase.input, expected))
  const predicted = boundaries(testCase.input, got)
  const truePositives = predicted.filter((offset) => gold.has(offset)).length
  const passed = expected.length === got.length && expected.every((sentence, index) => sentence === got[index])
  return {passed: passed ? 1 : 0, total: 1, truePositives, predicted: predicted.length, gold: gold.size}
}

export function addSbd(a: SbdCounts, b: SbdCounts): SbdCounts {
  return {
    passed: a.passed + b.passed,
    total: a.total + b.total,
    truePositives: a.truePositives + b.truePositives,
    predicted: a.predicted + b.predicted,
    gold: a.gold + b.gold
  }
}

// --- Attribution -------------------------------------------------------------

export interface GoldSpan {
  start: number
  end: number
  text?: string
}

export interface GoldAttribution {
  source: GoldSpan[]
  cue: GoldSpan[]
  content: GoldSpan[]
}

export const roles = ['source', 'cue', 'content'] as const
export type Role = (typeof roles)[number]

/** Punctuation and quote marks trimmed from both ends of a span before exact matching. */
const trimmable = /[\s\p{P}\p{S}"'“”‘’«»]/u

/** Trim white space, punctuation and quote marks at both ends; null when nothing is left. */
export function trimSpan(text: string, span: GoldSpan): {start: number; end: number} | null {
  let start = span.start
  let end = span.end
  while (start < end && trimmable.test(text[start]!)) start++
  while (end > start && trimmable.test(text[end - 1]!)) end--
  return start < end ? {start, end} : null
}

/** A role of one attribution as a canonical key (its trimmed spans), or null when it has none. */
export function roleKey(text: string, spans: readonly GoldSpan[]): string | null {
  const trimmed = spans
    .map((span) => trimSpan(text, span))
    .filter((span): span is {start: number; end: number} => span !== null)
    .sort((a, b) => a.start - b.start)
  return trimmed.length === 0 ? null : trimmed.map((span) => `${span.start}-${span.end}`).join(',')
}

/** Characters two sets of spans share. */
export function overlapSize(a: readonly GoldSpan[], b: readonly GoldSpan[]): number {
  let size = 0
  for (const x of a) for (const y of b) size += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))
  return size
}

/** One-to-one pairs, greedily by largest overlap first (ties: document order). */
export function pairByOverlap<T>(predicted: readonly T[], gold: readonly T[], spans: (item: T) => readonly GoldSpan[]): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = []
  predicted.forEach((p, i) =>
    gold.forEach((g, j) => {
      const size = overlapSize(spans(p), spans(g))
      if (size > 0) candidates.push([size, i, j])
    })
  )
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  const pairs: Array<[number, number]> = []
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue
    usedP.add(i)
    usedG.add(j)
    pairs.push([i, j])
  }
  return pairs
}

export interface AttributionCounts {
  /** Per role: exact matches, overlap matches, predicted items, gold items. */
  roles: Record<Role, {exact: number; overlap: number; predicted: number; gold: number}>
  /** Whole attributions paired by overlapping cue. */
  strict: number
  lenient: number
  predicted: number
  gold: number
}

export function emptyAttributionCounts(): AttributionCounts {
  const role = () => ({exact: 0, overlap: 0, predicted: 0, gold: 0})
  return {roles: {source: role(), cue: role(), content: role()}, strict: 0, lenient: 0, predicted: 0, gold: 0}
}

/** Score one document's predicted attributions against its gold ones. */
export function scoreAttributions(text: string, predicted: GoldAttribution[], gold: GoldAttribution[]): AttributionCounts {
  const counts = emptyAttributionCounts()
  counts.predicted = predicted.length
  counts.gold = gold.length

  for (const role of roles) {
    const p = predicted.filter((item) => roleKey(text, item[role]) !== null)
    const g = gold.filter((item) => roleKey(text, item[role]) !== null)
    const tally = counts.roles[role]
    tally.predicted = p.length
    tally.gold = g.length
    const goldKeys = new Map<string, number>()
    for (const item of g) {
      const key = roleKey(text, item[role])!
      goldKeys.set(key, (goldKeys.get(key) ?? 0) + 1)
    }
    for (const item of p) {
      const key = roleKey(text, item[role])!
      const left = goldKeys.get(key) ?? 0
      if (left > 0) {
        tally.exact++
        goldKeys.set(key, left - 1)
      }
    }
    tally.overlap = pairByOverlap(p, g, (item) => item[role]).length
  }

  for (const [i, j] of pairByOverlap(predicted, gold, (item) => item.cue)) {
    const p = predicted[i]!
    const g = gold[j]!
    const exact = roles.every((role) => roleKey(text, p[role]) === roleKey(text, g[role]))
    const overlapping = roles.every((role) => {
      const pk = roleKey(text, p[role])
      const gk = roleKey(text, g[role])
      if (pk === null || gk === null) return pk === gk
      return overlapSize(p[role], g[role]) > 0
    })
    if (exact) counts.strict++
    if (overlapping) counts.lenient++
  }
  return counts
}

export function addAttribution(a: AttributionCounts, b: AttributionCounts): AttributionCounts {
  const sum = emptyAttributionCounts()
  for (const role of roles) {
    for (const key of ['exact', 'overlap', 'predicted', 'gold'] as const) {
      sum.roles[role][key] = a.roles[role][key] + b.roles[role][key]
    }
  }
  sum.strict = a.strict + b.strict
  sum.lenient = a.lenient + b.lenient
  sum.predicted = a.predicted + b.predicted
  sum.gold = a.gold + b.gold
  return sum
}

export interface AttributionMetrics {
  attributions: {predicted: number; gold: number}
  exact: Record<Role, PRF>
  overlap: Record<Role, PRF>
  strict: PRF
  lenient: PRF
}

export function attributionMetrics(counts: AttributionCounts): AttributionMetrics {
  const exact = {} as Record<Role, PRF>
  const overlap = {} as Record<Role, PRF>
  for (const role of roles) {
    const tally = counts.roles[role]
    exact[role] = prf(tally.exact, tally.predicted, tally.gold)
    overlap[role] = prf(tally.overlap, tally.predicted, tally.gold)
  }
  return {
    attributions: {predicted: counts.predicted, gold: counts.gold},
    exact,
    overlap,
    strict: prf(counts.strict, counts.predicted, counts.gold),
    lenient: prf(counts.lenient, counts.predicted, counts.gold)
  }
}

// --- Check-worthiness ----------------------------------------------------------

/**
 * Average precision of a ranking: the mean, over the positive items, of the
 * precision among the items ranked at or above each. Ties keep input order.
 */
export function averagePrecision(items: ReadonlyArray<{score: number; label: boolean}>): number {
  const ranked = items.map((item, index) => ({...item, index})).sort((a, b) => b.score - a.score || a.index - b.index)
  let positives = 0
  let sum = 0
  ranked.forEach((item, rank) => {
    if (!item.label) return
    positives++
    sum += positives / (rank + 1)
  })
  return positives === 0 ? 0 : sum / positives
}
