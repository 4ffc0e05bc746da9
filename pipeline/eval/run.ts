import type {Root} from 'nlcst'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {Lexicon, lowerSet} from '../lexicon.ts'
import retextEnglishLines from '../parse/index.ts'
import type {ClaimOptions} from '../claims/index.ts'
import {type AnalysisOptions, createAnalyzer} from '../processor.ts'
import retextNewsSentences from '../sentences/index.ts'
import type {Attribution, SourceType} from '../types.ts'
import type {GoldAttribution, GoldSpan} from './score.ts'

/** Exactly the sentence stage `annotate` uses. */
export function createSentenceSplitter(): (text: string) => string[] {
  const processor = unified().use(retextEnglishLines).use(retextNewsSentences).freeze()
  return (text) => {
    const tree = processor.runSync(processor.parse(text)) as Root
    const sentences: string[] = []
    visit(tree, 'SentenceNode', (sentence) => {
      sentences.push(text.slice(sentence.position!.start.offset, sentence.position!.end.offset))
    })
    return sentences
  }
}

export interface PredictedAttribution extends GoldAttribution {
  kind: 'Attribution'
  source_type: SourceType | null
  rule: string
}

/** The annotate pipeline's analysis on a plain-text article, as gold-format attributions. */
export function createAttributionFinder(options: AnalysisOptions = {}): (text: string) => PredictedAttribution[] {
  const processor = createAnalyzer(options)
  return (text) => {
    const file = new VFile({value: text})
    processor.runSync(processor.parse(file), file)
    return (file.data.attributions ?? []).map((attribution) => toGoldFormat(attribution, text))
  }
}

/**
 * Our attributions in PolNeAR's span conventions. They differ from ours in
 * one respect: PolNeAR's content starts with the complementizer ("that the
 * talks stalled"), ours after it, so a reviewer reads the claim itself.
 */
export function toGoldFormat(attribution: Attribution, text: string): PredictedAttribution {
  const span = ({start, end, text}: GoldSpan & {text: string}): GoldSpan => ({start, end, text})
  const content = attribution.content.map(span)
  const first = content[0]
  if (first) {
    const before = text.slice(Math.max(attribution.cue.end, first.start - 12), first.start)
    const that = /\bthat\s+$/u.exec(before)
    if (that) {
      first.start -= before.length - that.index
      first.text = text.slice(first.start, first.end)
    }
  }
  return {
    kind: 'Attribution',
    source: attribution.source ? [span(attribution.source)] : [],
    cue: [span(attribution.cue)],
    content,
    source_type: attribution.source?.type ?? null,
    rule: attribution.rule
  }
}

/** Is this cue one of speech or writing ("said", "according to", a colon)? */
export function createSpeechCueTest(): (cue: string) => boolean {
  const words = lowerSet(new Lexicon(new URL('./speech-cues.yml', import.meta.url)).strings('speech'))
  return (cue) => {
    const lower = cue.toLowerCase().replace(/\s+/gu, ' ').trim()
    if (lower.includes('according to') || lower === ':') return true
    const last = lower.split(' ').at(-1) ?? ''
    return words.has(last)
  }
}

/** The annotate pipeline's check-worthiness of a text: the highest score among its body sentences. */
export function createClaimScorer(claims: ClaimOptions = {}): (text: string) => number {
  const processor = createAnalyzer({claims})
  return (text) => {
    const file = new VFile({value: text})
    processor.runSync(processor.parse(file), file)
    return Math.max(0, ...(file.data.claims ?? []).map((claim) => claim.score))
  }
}

export interface PronounLink {
  /** The pronoun source ("he", "she") and where it is. */
  pronoun: GoldSpan & {text: string}
  /** The person it was linked to, or null. */
  refersTo: (GoldSpan & {text: string}) | null
}

/** The annotate pipeline's links from "he" and "she" sources to people, on a plain-text article. */
export function createPronounLinker(): (text: string) => PronounLink[] {
  const processor = createAnalyzer()
  return (text) => {
    const file = new VFile({value: text})
    processor.runSync(processor.parse(file), file)
    const links: PronounLink[] = []
    const seen = new Set<number>()
    for (const attribution of file.data.attributions ?? []) {
      const source = attribution.source
      // "he said, adding that …": one pronoun, two attributions, one link.
      if (source?.type !== 'pronoun' || source.refersTo === undefined || seen.has(source.start)) continue
      seen.add(source.start)
      links.push({
        pronoun: {start: source.start, end: source.end, text: source.text},
        refersTo: source.refersTo ? {start: source.refersTo.start, end: source.refersTo.end, text: source.refersTo.text} : null
      })
    }
    return links
  }
}
