import type {Root} from 'nlcst'
import {type Preset, type Processor, unified} from 'unified'
import retextAnnotationYaml from './annotation/index.ts'
import retextAttribution from './attribution/index.ts'
import retextClaims from './claims/index.ts'
import retextDateline from './dateline/index.ts'
import retextFurniture from './furniture/index.ts'
import retextEnglishLines from './parse/index.ts'
import {htmlFront, markdownFront} from './markup/index.ts'
import retextNewsSentences from './sentences/index.ts'

/** What an article is written in, from its file name. */
export type ArticleFormat = 'text' | 'markdown' | 'html'

export function articleFormat(path: string): ArticleFormat {
  if (/\.(?:md|markdown)$/iu.test(path)) return 'markdown'
  if (/\.html?$/iu.test(path)) return 'html'
  return 'text'
}

/** Every analysis stage, in order, after a parser: a unified preset. */
const newsAnalysis: Preset = {
  plugins: [retextNewsSentences, retextDateline, retextFurniture, retextAttribution, retextClaims]
}

/** The parser for a format: lines of plain text, or Markdown and HTML through their retext bridges. */
function parserFor(format: ArticleFormat): Processor<Root> {
  if (format === 'text') return unified().use(retextEnglishLines) as unknown as Processor<Root>
  const front = format === 'markdown' ? markdownFront(unified()) : htmlFront(unified())
  return front as unknown as Processor<Root>
}

/**
 * The whole annotate pipeline: an article in, annotation YAML out. Plain
 * text is parsed a line at a time; Markdown and HTML go through
 * remark-retext and rehype-retext (with ParseEnglish), and then the same
 * plugins run.
 */
export function createAnnotator(format: ArticleFormat = 'text') {
  return parserFor(format).use(newsAnalysis).use(retextAnnotationYaml).freeze()
}

/** The analysis part alone (no YAML), for evaluation and tests. */
export function createAnalyzer() {
  return parserFor('text').use(newsAnalysis).freeze()
}

export type {Root}
