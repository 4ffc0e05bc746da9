import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Paragraph, Root, Sentence} from 'nlcst'
import {type Preset, type Processor, unified} from 'unified'
import type {VFile} from 'vfile'
import retextAnnotationYaml from './compiler/index.ts'
import retextAttribution from './attribution/index.ts'
import retextAttributionModel, {type AttributionModelOptions} from './attribution-model/index.ts'
import retextClaims, {type ClaimOptions} from './claims/index.ts'
import retextDateline from './dateline/index.ts'
import retextFurniture from './furniture/index.ts'
import retextEnglishLines, {lineSections} from './parse/index.ts'
import retextNewsSentences from './sentences/index.ts'
import retextSpeakers from './speakers/index.ts'
import {textView} from './text.ts'

/** What an article is written in, from its file name. */
export type ArticleFormat = 'text' | 'markdown' | 'html'

export function articleFormat(path: string): ArticleFormat {
  if (/\.(?:md|markdown)$/iu.test(path)) return 'markdown'
  if (/\.html?$/iu.test(path)) return 'html'
  return 'text'
}

/** Every analysis stage, in order, after a parser: a unified preset. */
const newsAnalysis: Preset = {
  plugins: [retextNewsSentences, retextDateline, retextFurniture, retextAttribution, retextAttributionModel, retextSpeakers, retextClaims]
}

type MarkupFronts = typeof import('./markup/index.ts')
let markupFronts: Promise<MarkupFronts> | undefined
let loadedFronts: MarkupFronts | undefined
let markupError: Error | undefined

/**
 * Load the Markdown and HTML parsers (remark, rehype and their retext
 * bridges). Only articles in those formats need them, and loading them
 * costs a plain-text run a tenth of a second, so they are loaded on demand:
 * call this before `createAnnotator('markdown')` or `createAnnotator('html')`.
 */
export async function loadMarkupParsers(): Promise<void> {
  markupFronts ??= import('./markup/index.ts')
  try {
    loadedFronts = await markupFronts
  } catch (error) {
    markupError = error as Error
    throw error
  }
}

/** The parser for a format: lines of plain text, or Markdown and HTML through their retext bridges. */
function parserFor(format: ArticleFormat): Processor<Root> {
  if (format === 'text') return unified().use(retextEnglishLines) as unknown as Processor<Root>
  if (!loadedFronts) {
    throw new Error(
      markupError ? `cannot load the Markdown and HTML parsers: ${markupError.message}` : `the ${format} parser is not loaded: await loadMarkupParsers() first`
    )
  }
  const front = format === 'markdown' ? loadedFronts.markdownFront(unified()) : loadedFronts.htmlFront(unified())
  return front as unknown as Processor<Root>
}

/**
 * The whole annotate pipeline: an article in, annotation YAML out. Plain
 * text is parsed a line at a time; Markdown and HTML go through
 * remark-retext and rehype-retext (with ParseEnglish), loaded first by
 * `loadMarkupParsers()`, and then the same plugins run.
 */
export function createAnnotator(format: ArticleFormat = 'text', options: AnalysisOptions = {}) {
  return parserFor(format).use(analysis(options)).use(retextAnnotationYaml).freeze()
}

export interface AnalysisOptions {
  claims?: ClaimOptions
  /** The attribution tagger's model (`{model: null}`: the rules alone). */
  attributionModel?: AttributionModelOptions
}

/** The analysis preset, with the claims plugin and the attribution tagger configured when options say how. */
function analysis(options: AnalysisOptions): Preset {
  if (!options.claims && !options.attributionModel) return newsAnalysis
  return {
    plugins: newsAnalysis.plugins!.map((plugin) => {
      if (plugin === retextClaims && options.claims) return [retextClaims, options.claims]
      if (plugin === retextAttributionModel && options.attributionModel) return [retextAttributionModel, options.attributionModel]
      return plugin
    }) as Preset['plugins']
  }
}

export type Annotator = ReturnType<typeof createAnnotator>

/**
 * Articles longer than this many characters are annotated a section at a
 * time (whole lines of plain text, whole blocks of Markdown or HTML): a tree
 * takes about 100 bytes of memory per character of text, and what a plugin
 * carries from one paragraph to the next it keeps on `file.data`. A
 * section's tree is garbage once it is analysed; the smaller it is, the less
 * of it the collector copies while it is alive (16 KB ran documents of 100
 * KB to 5 MB faster than 8, 32 or 64 KB).
 */
export const sectionSize = 16 * 1024

/**
 * Annotate one article: its YAML (also left on `file.value`, as
 * `processSync` does, with the structured annotation on
 * `file.data.annotation`). An article longer than `size` characters is
 * analysed one section at a time: plain text is parsed a section of whole
 * lines at a time; Markdown and HTML are parsed whole, then turned into
 * English a section of blocks at a time (see `markupSections`). The findings
 * add up on `file.data`, and the YAML is the same as from one pass.
 */
export function annotate(annotator: Annotator, file: VFile, format: ArticleFormat, size = sectionSize): string {
  const value = String(file.value)
  if (value.length <= size) return String(annotator.processSync(file).value)
  // Markdown and HTML are parsed once, whole (their parsers cost what the text costs); the
  // conversion to English and every plugin after it then run a section of blocks at a time.
  // The markup parsers' trees (typed as the English tree only because of how the processor is built).
  const markup = format === 'text' ? undefined : (annotator.parse(file) as unknown as MdastRoot | HastRoot)
  const sections = markup === undefined ? lineSections(value, size) : loadedFronts!.markupSections(markup, format as 'markdown' | 'html', value, size)
  // What the compiler reads of a tree: paragraphs and sentences with their positions.
  const outline: Root = {type: 'RootNode', children: [], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}}
  try {
    for (const section of sections) {
      file.data.section = section
      const tree = annotator.runSync(markup ?? annotator.parse(file), file) as Root
      // The compiler reads a sentence's text from the file, or for markup from the tree's words
      // (`textView`): an outlined sentence of markup keeps its text as one word of one leaf.
      const view = markup === undefined ? undefined : textView(tree, file)
      for (const paragraph of tree.children) {
        if (paragraph.type !== 'ParagraphNode') continue
        const sentences: Sentence[] = []
        for (const sentence of paragraph.children) {
          if (sentence.type !== 'SentenceNode' || !sentence.position) continue
          const {start, end} = sentence.position
          const leaf = {type: 'TextNode', value: view?.slice(start.offset!, end.offset!) ?? '', position: sentence.position} as const
          const children: Sentence['children'] = view ? [{type: 'WordNode', children: [leaf], position: sentence.position}] : []
          sentences.push({type: 'SentenceNode', children, position: sentence.position})
        }
        const outlined: Paragraph = {type: 'ParagraphNode', children: sentences}
        if (paragraph.position) outlined.position = paragraph.position
        outline.children.push(outlined)
      }
      if (tree.position) outline.position!.end = tree.position.end
    }
  } finally {
    delete file.data.section
  }
  const yaml = annotator.stringify(outline, file)
  file.value = yaml
  return yaml
}

/**
 * The analysis part alone (no YAML), for evaluation, training and tests;
 * `claims` configures the claims plugin (`{model: null}`: hand-set weights).
 */
export function createAnalyzer(options: AnalysisOptions = {}) {
  return parserFor('text').use(analysis(options)).freeze()
}

export type {Root}
