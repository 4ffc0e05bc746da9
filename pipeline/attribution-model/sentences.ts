import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {quoteRegions, regionsWithin} from '../attribution/quotes.ts'
import {rulePriority} from '../attribution/rules/shared.ts'
import {isQuote, type Token, tokenize} from '../attribution/tokens.ts'
import {notBody} from '../ranges.ts'
import {textView} from '../text.ts'
import type {Attribution, Span} from '../types.ts'
import type {TaggerSentence} from './features.ts'

/** A body sentence with its tokens, the rules' attributions whose cue is in it, and what the tagger reads. */
export interface ReadSentence {
  start: number
  end: number
  /** The rules' attributions of this sentence, in document order. */
  rules: Attribution[]
  input: TaggerSentence
}

/**
 * The body sentences of a tree the tagger reads, in document order. A
 * sentence inside the content of an earlier attribution (a quote running on
 * over several sentences) is left out: PolNeAR never nests attributions.
 */
export function readSentences(tree: Root, file: VFile, attributions: readonly Attribution[]): ReadSentence[] {
  const text = textView(tree, file)
  const raw = file.value === undefined ? toString(tree) : String(file.value)
  const skipped = notBody(file)
  const bySentence = new Map<number, Attribution[]>()
  for (const attribution of attributions) {
    const list = bySentence.get(attribution.sentence)
    if (list) list.push(attribution)
    else bySentence.set(attribution.sentence, [attribution])
  }
  const found: ReadSentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const quotes = quoteRegions(paragraph, raw)
    let coveredUntil = -1
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      const start = sentence.position.start.offset!
      const end = sentence.position.end.offset!
      if (skipped.find(start) || start < coveredUntil) continue
      const tokens = tokenize(sentence, text)
      if (tokens.length === 0) continue
      const rules = bySentence.get(start) ?? []
      for (const attribution of rules) for (const span of attribution.content) coveredUntil = Math.max(coveredUntil, span.end)
      const near = regionsWithin(quotes, tokens[0]!.start, tokens.at(-1)!.end)
      const quoteStates = new Uint8Array(tokens.length)
      if (near.length > 0) {
        tokens.forEach((token, index) => {
          if (isQuote(token)) quoteStates[index] = 2
          else if (near.some((region) => token.start >= region.innerStart && token.end <= region.innerEnd)) quoteStates[index] = 1
        })
      }
      const roles = new Uint8Array(tokens.length)
      const ruleIndex = new Uint8Array(tokens.length)
      for (const attribution of rules) {
        const rule = 1 + rulePriority.indexOf(attribution.rule as (typeof rulePriority)[number])
        const mark = (spans: readonly Span[], begin: number): void => {
          for (const span of spans) markSpan(tokens, span, begin, roles, ruleIndex, rule)
        }
        mark(attribution.content, 5)
        if (attribution.source) mark([attribution.source], 1)
        mark([attribution.cue], 3)
      }
      found.push({start, end, rules, input: {tokens, roles, rules: ruleIndex, quotes: quoteStates}})
    }
  }
  return found
}

/** Tag the tokens inside `span` B-/I- of a role (`begin` is the role's B tag). */
export function markSpan(tokens: readonly Token[], span: {start: number; end: number}, begin: number, tags: Uint8Array, rules?: Uint8Array, rule = 0): void {
  let first = true
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start < span.start || token.end > span.end) continue
    tags[index] = first ? begin : begin + 1
    if (rules) rules[index] = rule
    first = false
  }
}
