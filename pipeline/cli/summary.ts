import type {Annotation, Review, SentenceAnnotation} from '../annotation/model.ts'
import {defaultReview, reviewStatuses} from '../annotation/model.ts'

export interface SummaryOptions {
  /**
   * What the annotations were at an earlier commit (`--since REF`), by
   * article path: null for an article that had no annotation there.
   */
  since?: {ref: string; before: Map<string, Annotation | null>}
}

/** Statuses a desk wants to see by name in a summary, with the reviews still to recheck. */
const flagged = new Set<Review['status']>(['disputed', 'false', 'misleading'])

/**
 * A Markdown summary of annotations, fit for a pull request's job summary or
 * comment: body sentences by review status, attributions, anonymous sources,
 * reviews to recheck and obsolete reviews, per article and in total; then the
 * sentences judged disputed, false or misleading and those to recheck, with
 * their text; with `since`, what changed from that commit: reviews, new
 * rechecks and obsolete reviews, new anonymous sources with no basis, new
 * sentences scoring 0.5 or more.
 */
export function summaryMarkdown(annotations: Annotation[], options: SummaryOptions = {}): string {
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
  const out = [
    '## Fact-check annotations',
    '',
    `${annotations.length} article${annotations.length === 1 ? '' : 's'}; body sentences by review status.`,
    '',
    line(columns),
    line(columns.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...rows.map((row) => line(row.map((cell, index) => (index === 0 ? `\`${String(cell)}\`` : cell)))),
    ...(rows.length > 1 ? [line(totals)] : []),
    ''
  ]

  const toLookAt = annotations.flatMap((annotation) => {
    const items = annotation.sentences
      .filter((sentence) => flagged.has(sentence.review.status) || sentence.review.needsRecheck)
      .map((sentence) => {
        const marks = [...(flagged.has(sentence.review.status) ? [sentence.review.status] : []), ...(sentence.review.needsRecheck ? ['needs recheck'] : [])]
        const note = sentence.review.note ? ` Note: ${inline(sentence.review.note)}` : ''
        const was = sentence.review.needsRecheck && sentence.review.previousText ? ` (reviewed as: ${quoted(sentence.review.previousText)})` : ''
        return `- **${marks.join(', ')}** \`${sentence.id}\`${byWhom(sentence.review)}: ${quoted(sentence.text)}${was}${note}`
      })
    return items.length > 0 ? [`#### \`${annotation.article.path}\``, '', ...items, ''] : []
  })
  if (toLookAt.length > 0) out.push('### Disputed, false, misleading and to recheck', '', ...toLookAt)

  if (options.since) {
    out.push(`### Changes since \`${options.since.ref}\``, '')
    const changed = annotations.flatMap((annotation) => changesSince(annotation, options.since!.before.get(annotation.article.path) ?? null))
    if (changed.length === 0) out.push('No review changed, and nothing new to check.', '')
    else out.push(...changed)
  }
  return out.join('\n')
}

/** One article's changes from `before` (null: it had no annotation then), as Markdown; none: []. */
function changesSince(annotation: Annotation, before: Annotation | null): string[] {
  const old = new Map((before?.sentences ?? []).map((sentence) => [sentence.id, sentence]))
  const reviews: string[] = []
  const rechecks: string[] = []
  const anonymous: string[] = []
  const claims: string[] = []
  for (const sentence of annotation.sentences) {
    const was = old.get(sentence.id)
    const review = sentence.review
    const previous = was?.review
    if (JSON.stringify(asWritten(review)) !== JSON.stringify(previous ? asWritten(previous) : unreviewed)) {
      const status = previous && previous.status !== review.status ? `${previous.status} → ${review.status}` : previous ? `${review.status}, edited` : `unreviewed → ${review.status}`
      reviews.push(`- \`${sentence.id}\` ${status}${byWhom(review)}: ${quoted(sentence.text)}${review.note ? ` Note: ${inline(review.note)}` : ''}`)
    }
    if (review.needsRecheck && !previous?.needsRecheck) {
      rechecks.push(`- \`${sentence.id}\`: ${quoted(sentence.text)}${review.previousText ? ` (reviewed as: ${quoted(review.previousText)})` : ''}`)
    }
    const oldAttributions = new Set((was?.attributions ?? []).filter((attribution) => attribution.source?.anonymous && !attribution.source.basis).map((attribution) => attribution.id))
    for (const attribution of sentence.attributions) {
      if (!attribution.source?.anonymous || attribution.source.basis || oldAttributions.has(attribution.id)) continue
      anonymous.push(`- ${quoted(attribution.source.text)} (${attribution.cue.text}) in \`${sentence.id}\`: ${quoted(sentence.text)}`)
    }
    if (sentence.claim.score >= 0.5 && !(was && was.claim.score >= 0.5)) {
      claims.push(`- \`${sentence.id}\` (${sentence.claim.score}, ${sentence.claim.types.join(', ')}): ${quoted(sentence.text)}`)
    }
  }
  const oldObsolete = new Set((before?.obsolete ?? []).map((item) => item.id))
  const obsolete = annotation.obsolete
    .filter((item) => !oldObsolete.has(item.id))
    .map((item) => `- \`${item.id}\` ${item.review.status}${byWhom(item.review)}: ${quoted(item.text)}`)
  const parts: Array<[string, string[]]> = [
    ['Reviews changed', reviews],
    ['New to recheck (`needs_recheck`)', rechecks],
    ['New obsolete reviews (their sentence is gone)', obsolete],
    ['New anonymous sources with no basis given', anonymous],
    ['New sentences scoring 0.5 or more', claims]
  ]
  if (parts.every(([, items]) => items.length === 0)) return []
  const out = [`#### \`${annotation.article.path}\`${before === null ? ' (new)' : ''}`, '']
  for (const [title, items] of parts) if (items.length > 0) out.push(`${title}:`, '', ...items, '')
  return out
}

/** A review as reviewers write it, without the fields the tool sets. */
function asWritten(review: Review): Omit<Review, 'needsRecheck' | 'previousText'> {
  const {status, reviewer, date, note, evidence, rejected, added} = review
  return {status, reviewer, date, note, evidence, rejected, added}
}

const unreviewed = asWritten(defaultReview())

function byWhom(review: Review): string {
  const parts = [review.reviewer, review.date].filter((part) => part !== '')
  return parts.length > 0 ? ` (${inline(parts.join(', '))})` : ''
}

/** A sentence's text in quotes, on one line, cut after 300 characters. */
function quoted(text: SentenceAnnotation['text']): string {
  const one = text.replace(/\s+/gu, ' ').trim()
  return `“${inline(one.length > 300 ? `${one.slice(0, 299)}…` : one)}”`
}

/** Text from an article or a review, safe in one line of Markdown: no markup of its own, no HTML. */
function inline(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\`*_[\]#|~]/gu, (char) => `\\${char}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
}
