/**
 * From tags back to attributions. Each cue span the tagger finds is an
 * attribution; a rule's attribution whose cue the tagger also tags keeps
 * the rule's source and content (the rules read clauses better than the
 * tags do), and one whose cue the tagger does not tag is dropped unless the
 * tagger still gives its cue some weight. A cue only the tagger found takes
 * the content spans nearest to it and the nearest source span.
 */

import type {SourceTyper} from '../attribution/source.ts'
import {isBreak, isQuote, type Token} from '../attribution/tokens.ts'
import type {TextView} from '../text.ts'
import type {Attribution, Span} from '../types.ts'
import {labelCount, opens, roleOf} from './crf.ts'
import type {Tagging} from './model.ts'
import type {ReadSentence} from './sentences.ts'

export interface DecodeOptions {
  /** A rule's attribution the tagger does not tag is kept when its cue's probability is at least this. */
  keepRule: number
  /** A cue only the tagger found is kept when its probability is at least this. */
  newCue: number
  /** A rule's cue grows to the tagger's cue span around it ("said Friday", "said in an interview"). */
  cueExtent: boolean
  /** A rule's attribution without a source takes the tagger's nearest free source span. */
  fillSource: boolean
}

/** What decoding reads besides the tags. */
export interface DecodeContext {
  typer: SourceTyper
}

export const defaultDecoding: DecodeOptions = {keepRule: 0, newCue: 0.5, cueExtent: true, fillSource: false}

interface TokenSpan {
  role: number
  from: number
  to: number
}

const sourceRole = 1
const cueRole = 2
const contentRole = 3

/** The spans of the best tags: a B- tag or a change of role opens one. */
export function spansOf(path: Uint8Array): TokenSpan[] {
  const spans: TokenSpan[] = []
  let open: TokenSpan | undefined
  for (let t = 0; t < path.length; t++) {
    const label = path[t]!
    const role = roleOf(label)
    if (open && (role !== open.role || opens(label))) {
      spans.push(open)
      open = undefined
    }
    if (role !== 0) {
      if (open) open.to = t
      else open = {role, from: t, to: t}
    }
  }
  if (open) spans.push(open)
  return spans
}

/** Mean probability, over tokens `from`–`to`, that a token holds `role`. */
export function roleProbability(tagging: Tagging, from: number, to: number, role: number): number {
  const {marginals} = tagging
  if (!marginals) throw new Error('the tagging of a sentence with no cue has no probabilities')
  let sum = 0
  for (let t = from; t <= to; t++) {
    sum += marginals[t * labelCount + role * 2 - 1]! + marginals[t * labelCount + role * 2]!
  }
  return sum / (to - from + 1)
}

/** The token range inside a span, or undefined when no token is. */
function tokenRange(tokens: readonly Token[], span: {start: number; end: number}): {from: number; to: number} | undefined {
  let from = -1
  let to = -1
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start >= span.start && token.end <= span.end) {
      if (from < 0) from = index
      to = index
    }
  }
  return from < 0 ? undefined : {from, to}
}

const overlap = (a: {from: number; to: number}, b: {from: number; to: number}): boolean => a.from <= b.to && b.from <= a.to
const gap = (a: {from: number; to: number}, b: {from: number; to: number}): number => (overlap(a, b) ? 0 : a.to < b.from ? b.from - a.to : a.from - b.to)

/** Trim marks from both ends of a span (and a complementizer from content's start, as the rules write content). */
function trimmed(tokens: readonly Token[], span: TokenSpan): TokenSpan | undefined {
  let {from, to} = span
  const mark = (token: Token): boolean => isQuote(token) || isBreak(token) || (!token.word && /^[-–—―…]+$/u.test(token.text))
  while (from <= to && mark(tokens[from]!)) from++
  if (span.role === contentRole && from < to && tokens[from]!.lower === 'that') from++
  while (from <= to && mark(tokens[from]!)) from++
  while (to >= from && mark(tokens[to]!)) to--
  return from <= to ? {role: span.role, from, to} : undefined
}

function spanText(tokens: readonly Token[], from: number, to: number, text: TextView): Span {
  const start = tokens[from]!.start
  const end = tokens[to]!.end
  return {start, end, text: text.slice(start, end)}
}

/** The sentence's attributions, after the tagger has read it. */
export function decode(sentence: ReadSentence, tagging: Tagging, text: TextView, context: DecodeContext, options: DecodeOptions = defaultDecoding): Attribution[] {
  const {tokens} = sentence.input
  const {typer} = context
  const spans = spansOf(tagging.path)
  const kept: Array<{attribution: Attribution; cue: {from: number; to: number}; owned: Array<{from: number; to: number}>}> = []
  for (const attribution of sentence.rules) {
    const cue = tokenRange(tokens, attribution.cue)
    if (!cue) {
      kept.push({attribution, cue: {from: -1, to: -1}, owned: []})
      continue
    }
    const probability = roleProbability(tagging, cue.from, cue.to, cueRole)
    const tagged = spans.some((span) => span.role === cueRole && overlap(span, cue))
    if (!tagged && probability < options.keepRule) continue
    const parts = [attribution.source, ...attribution.content].flatMap((span) => (span ? [tokenRange(tokens, span)].filter((range) => range !== undefined) : []))
    let decided: Attribution = {...attribution, confidence: round(probability)}
    let cueRange = cue
    if (options.cueExtent) {
      const tagged = spans.find((span) => span.role === cueRole && span.from <= cue.from && span.to >= cue.to && (span.from < cue.from || span.to > cue.to))
      // "said:" is no wider a cue than "said".
      const wider = tagged ? trimmed(tokens, tagged) : undefined
      if (wider && wider.from <= cue.from && wider.to >= cue.to && (wider.from < cue.from || wider.to > cue.to) && !parts.some((part) => overlap(part, wider))) {
        cueRange = {from: wider.from, to: wider.to}
        decided = {...decided, cue: spanText(tokens, wider.from, wider.to, text)}
      }
    }
    kept.push({attribution: decided, cue: cueRange, owned: [cueRange, ...parts]})
  }
  if (options.fillSource) {
    for (const item of kept) {
      if (item.attribution.source !== null || item.cue.from < 0) continue
      const free = spans
        .filter((span) => span.role === sourceRole && !kept.some((other) => other.owned.some((range) => overlap(range, span))))
        .map((span) => trimmed(tokens, span))
        .filter((span): span is TokenSpan => span !== undefined)
      const nearest = free.reduce<TokenSpan | undefined>((best, span) => (best === undefined || gap(span, item.cue) < gap(best, item.cue) ? span : best), undefined)
      if (!nearest) continue
      item.attribution = {...item.attribution, source: typer.type(tokens.slice(nearest.from, nearest.to + 1), text)}
      item.owned.push(nearest)
    }
  }
  const takenBy = (range: {from: number; to: number}): boolean => kept.some((item) => item.owned.some((other) => overlap(other, range)))
  const newCues = spans.filter((span) => span.role === cueRole && !takenBy(span))
  const found: Attribution[] = kept.map((item) => item.attribution)
  if (newCues.length > 0) {
    const allCues = [...kept.map((item) => item.cue).filter((cue) => cue.from >= 0), ...newCues]
    const nearestCue = (span: TokenSpan): {from: number; to: number} => allCues.reduce((best, cue) => (gap(cue, span) < gap(best, span) ? cue : best))
    const free = spans.filter((span) => span.role !== cueRole && !takenBy(span))
    for (const cue of newCues) {
      const confidence = roleProbability(tagging, cue.from, cue.to, cueRole)
      if (confidence < options.newCue) continue
      const content = free
        .filter((span) => span.role === contentRole && nearestCue(span) === cue)
        .map((span) => trimmed(tokens, span))
        .filter((span): span is TokenSpan => span !== undefined)
      // An attribution is of something: a cue with no content of its own is left to the rules.
      if (content.length === 0) continue
      const sources = free.filter((span) => span.role === sourceRole).map((span) => trimmed(tokens, span)).filter((span): span is TokenSpan => span !== undefined)
      const source = sources.reduce<TokenSpan | undefined>((best, span) => (best === undefined || gap(span, cue) < gap(best, cue) ? span : best), undefined)
      found.push({
        sentence: sentence.start,
        rule: 'model',
        confidence: round(confidence),
        source: source ? typer.type(tokens.slice(source.from, source.to + 1), text) : null,
        cue: spanText(tokens, cue.from, cue.to, text),
        content: content.map((span) => spanText(tokens, span.from, span.to, text))
      })
    }
  }
  return found.sort((a, b) => a.cue.start - b.cue.start)
}

function round(probability: number): number {
  return Math.round(probability * 1000) / 1000
}
