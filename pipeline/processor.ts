import type {Root} from 'nlcst'
import {unified} from 'unified'
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

/**
 * The whole annotate pipeline: an article in, annotation YAML out. Plain
 * text is parsed a line at a time; Markdown and HTML go through
 * remark-retext and rehype-retext (with ParseEnglish), and then the same
 * plugins run.
 */
export function createAnnotator(format: ArticleFormat = 'text') {
  if (format !== 'text') {
    const front = format === 'markdown' ? markdownFront(unified()) : htmlFront(unified())
    return (front as unknown as ReturnType<typeof unified>)
      .use(retextNewsSentences)
      .use(retextDateline)
      .use(retextFurniture)
      .use(retextAttribution)
      .use(retextClaims)
      .use(retextAnnotationYaml)
      .freeze()
  }
  return unified()
    .use(retextEnglishLines)
    .use(retextNewsSentences)
    .use(retextDateline)
    .use(retextFurniture)
    .use(retextAttribution)
    .use(retextClaims)
    .use(retextAnnotationYaml)
    .freeze()
}

/** The analysis part alone (no YAML), for evaluation and tests. */
export function createAnalyzer() {
  return unified()
    .use(retextEnglishLines)
    .use(retextNewsSentences)
    .use(retextDateline)
    .use(retextFurniture)
    .use(retextAttribution)
    .use(retextClaims)
    .freeze()
}

export type {Root}
