import type {Root} from 'nlcst'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {reportAnonymous} from '../attribution/index.ts'
import {loadCueLexicon} from '../attribution/lexicon.ts'
import {SourceTyper} from '../attribution/source.ts'
import {fromSection} from '../ranges.ts'
import {fileLocation, textView} from '../text.ts'
import type {Attribution} from '../types.ts'
import {type DecodeContext, type DecodeOptions, decode, defaultDecoding} from './decode.ts'
import {FlagLexicon} from './features.ts'
import {Tagger, type TaggerModelFile, taggerModelUrl} from './model.ts'
import {readSentences} from './sentences.ts'

export interface AttributionModelOptions {
  /**
   * The tagger's weights (data/model.json, trained by `npm run train --
   * attribution`, when absent); `null` leaves the rules' attributions as
   * they are, as the tool did before it had a tagger.
   */
  model?: TaggerModelFile | URL | null
  /** Overrides the decoding thresholds the model file chose on development data. */
  decoding?: DecodeOptions
}

/**
 * Rules propose, the tagger decides: a linear-chain CRF reads every body
 * sentence with the rules' attributions as features, keeps the rules'
 * attributions whose cue it also tags, drops the ones it gives no weight,
 * and adds the cues it alone finds (rule `model`). Each attribution gains
 * `confidence`, the tagger's probability that its cue is one. Runs after
 * retextAttribution, on `file.data.attributions`.
 */
export default function retextAttributionModel(options: AttributionModelOptions = {}): Transformer<Root> | undefined {
  if (options.model === null) return undefined
  const lexicon = loadCueLexicon()
  const typer = new SourceTyper(new URL('../attribution/data/sources.yml', import.meta.url))
  const flagLexicon = new FlagLexicon(lexicon, typer)
  const source = options.model ?? taggerModelUrl
  const tagger = source instanceof URL ? Tagger.load(flagLexicon, source) : Tagger.fromFile(source, flagLexicon)
  const decoding = options.decoding ?? tagger.decoding ?? defaultDecoding
  const context: DecodeContext = {typer}

  return function (tree, file) {
    const sectionStart = file.data.section?.start ?? 0
    const all = file.data.attributions ?? []
    const proposed = fromSection(all, sectionStart, (attribution) => attribution.sentence)
    const earlier = all.slice(0, all.length - proposed.length)
    const text = textView(tree, file)
    const sentences = readSentences(tree, file, proposed)
    const read = new Set(sentences.map((sentence) => sentence.start))
    const decided: Attribution[] = proposed.filter((attribution) => !read.has(attribution.sentence))
    for (const sentence of sentences) decided.push(...decode(sentence, tagger.tag(sentence.input), text, context, decoding))
    decided.sort((a, b) => a.sentence - b.sentence || a.cue.start - b.cue.start)
    // Decoding copies the attributions it keeps: what it dropped is told by the sources left.
    const keptSources = new Set(decided.flatMap((attribution) => (attribution.source ? [attribution.source.start] : [])))
    dropMessages(file, proposed.filter((attribution) => attribution.source !== null && !keptSources.has(attribution.source.start)))
    const added = decided.filter((attribution) => attribution.rule === 'model')
    if (added.length > 0) {
      // As the rules do: a message's stack trace would cost more than the tagging, and points here, not into the article.
      const stackTraceLimit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        reportAnonymous(file, added, fileLocation(file))
      } finally {
        Error.stackTraceLimit = stackTraceLimit
      }
    }
    file.data.attributions = earlier.length === 0 ? decided : [...earlier, ...decided]
  }
}

/** The rules' messages about attributions the tagger dropped. */
function dropMessages(file: VFile, dropped: readonly Attribution[]): void {
  if (dropped.length === 0 || file.messages.length === 0) return
  const place = fileLocation(file)
  const starts = new Set(dropped.flatMap((attribution) => (attribution.source ? [attribution.source.start] : [])))
  file.messages = file.messages.filter((message) => {
    if (message.ruleId !== 'anonymous-source' || message.source !== 'retext-attribution') return true
    const point = message.place && 'start' in message.place ? message.place.start : undefined
    const offset = point ? place.toOffset(point) : undefined
    return offset === undefined || !starts.has(offset)
  })
}
