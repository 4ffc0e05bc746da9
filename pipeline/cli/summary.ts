import type {Annotation} from '../annotation/model.ts'
import {reviewStatuses} from '../annotation/model.ts'

/**
 * A Markdown summary of annotations, fit for a pull-request comment: body
 * sentences by review status, attributions, anonymous sources, reviews to
 * recheck and obsolete reviews, per article and in total.
 */
export function summaryMarkdown(annotations: Annotation[]): string {
  const columns = ['article', 'sentences', ...reviewStatuses, 'attributions', 'anonymous', 'needs recheck', 'obsolete']
  const rows = annotations.map((annotation) => {
    const body = annotation.sentences.filter((sentence) => sentence.kind === 'body')
    const byStatus = reviewStatuses.map((status) => body.filter((sentence) => sentence.review.status === status).length)
    return [
      annotation.article.path,
      body.length,
      ...byStatus,
      annotation.counts.attributions,
      annotation.counts.anonymous,
      annotation.sentences.filter((sentence) => sentence.review.needsRecheck).length,
      annotation.obsolete.length
    ]
  })
  const totals: Array<string | number> = ['**total**']
  for (let column = 1; column < columns.length; column++) {
    totals.push(rows.reduce((sum, row) => sum + (row[column] as number), 0))
  }
  const line = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`
  return [
    '## Fact-check annotations',
    '',
    `${annotations.length} article${annotations.length === 1 ? '' : 's'}; body sentences by review status.`,
    '',
    line(columns),
    line(columns.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...rows.map((row) => line(row.map((cell, index) => (index === 0 ? `\`${String(cell)}\`` : cell)))),
    ...(rows.length > 1 ? [line(totals)] : []),
    ''
  ].join('\n')
}
