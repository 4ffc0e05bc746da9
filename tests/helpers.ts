import {VFile} from 'vfile'
import type {Annotation} from '../pipeline/annotation/model.ts'
import {annotators} from '../pipeline/cli/task.ts'
import {articleFormat, loadMarkupParsers} from '../pipeline/processor.ts'
import type {Attribution} from '../pipeline/types.ts'

await loadMarkupParsers()
const annotatorFor = annotators()

export interface Analysis {
  text: string
  yaml: string
  file: VFile
  annotation: Annotation
  attributions: Attribution[]
}

/** Run the whole annotate pipeline on a text, as `npm run annotate` does. */
export function analyze(text: string, path = 'seeds/example.txt', annotationPath?: string): Analysis {
  const file = new VFile({path, value: text})
  if (annotationPath !== undefined) file.data.annotationPath = annotationPath
  const yaml = String(annotatorFor(articleFormat(path)).processSync(file).value)
  return {text, yaml, file, annotation: file.data.annotation!, attributions: file.data.attributions ?? []}
}

/** Every span an annotation writes out, with where it was found, for slice checks. */
export function allSpans(annotation: Annotation): Array<{where: string; text: string; start: number; end: number}> {
  const spans: Array<{where: string; text: string; start: number; end: number}> = []
  if (annotation.article.dateline) spans.push({where: 'dateline', ...annotation.article.dateline})
  for (const sentence of annotation.sentences) {
    spans.push({where: sentence.id, text: sentence.text, start: sentence.start.offset, end: sentence.end.offset})
    for (const attribution of sentence.attributions) {
      spans.push({where: `${attribution.id} cue`, ...attribution.cue})
      const {more, ...content} = attribution.content
      spans.push({where: `${attribution.id} content`, ...content})
      for (const part of more ?? []) spans.push({where: `${attribution.id} content`, ...part})
      if (attribution.source) {
        spans.push({where: `${attribution.id} source`, text: attribution.source.text, start: attribution.source.start, end: attribution.source.end})
        if (attribution.source.basis) spans.push({where: `${attribution.id} basis`, ...attribution.source.basis})
      }
    }
  }
  return spans
}
