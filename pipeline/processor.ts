import type {Root} from 'nlcst'
import {unified} from 'unified'
import retextAnnotationYaml from './annotation/index.ts'
import retextAttribution from './attribution/index.ts'
import retextDateline from './dateline/index.ts'
import retextFurniture from './furniture/index.ts'
import retextEnglishLines from './parse/index.ts'
import retextNewsSentences from './sentences/index.ts'

/** The whole annotate pipeline: plain-text article in, annotation YAML out. */
export function createAnnotator() {
  return unified()
    .use(retextEnglishLines)
    .use(retextNewsSentences)
    .use(retextDateline)
    .use(retextFurniture)
    .use(retextAttribution)
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
    .freeze()
}

export type {Root}
