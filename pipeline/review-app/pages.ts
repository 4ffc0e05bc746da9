import type {Annotation, AttributionAnnotation, Review, SentenceAnnotation} from '../annotation/model.ts'
import {reviewStatuses} from '../annotation/model.ts'
import type {Span} from '../types.ts'

/** Text taken from an article or an annotation, safe in HTML text and in quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char]!)
}

/** JSON inside a <script type="application/json">: nothing in it can close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c').replace(/>/gu, '\\u003e').replace(/&/gu, '\\u0026').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029')
}

/** The counts an index row shows for one article. */
export interface ArticleCounts {
  body: number
  claims: number
  unreviewed: number
  needsRecheck: number
  obsolete: number
  anonymousWithoutBasis: number
}

export function countsOf(annotation: Annotation): ArticleCounts {
  const body = annotation.sentences.filter((sentence) => sentence.kind === 'body')
  return {
    body: body.length,
    claims: body.filter((sentence) => sentence.claim.score >= 0.5).length,
    unreviewed: body.filter((sentence) => sentence.review.status === 'unreviewed').length,
    needsRecheck: annotation.sentences.filter((sentence) => sentence.review.needsRecheck).length,
    obsolete: annotation.obsolete.length,
    anonymousWithoutBasis: annotation.sentences.flatMap((sentence) => sentence.attributions).filter((item) => item.source?.anonymous && !item.source.basis).length
  }
}

export interface IndexEntry {
  /** The annotation, relative to the annotations folder. */
  path: string
  /** Where its page is, relative to the index. */
  href: string
  annotation?: Annotation
  /** Why it could not be read. */
  problem?: string
}

interface PageOptions {
  /** With review forms (the app) or without (static pages for a pull request). */
  interactive: boolean
  /** The folder of the stylesheet and script, relative to the page. */
  assets: string
}

function page(title: string, body: string, options: PageOptions, data?: unknown): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${options.assets}app.css">`,
    `<script src="${options.assets}app.js" defer></script>`,
    '</head>',
    `<body data-mode="${options.interactive ? 'app' : 'static'}">`,
    body,
    data === undefined ? '' : `<script type="application/json" id="page-data">${scriptJson(data)}</script>`,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

/** The list of articles with what is left to do in each, and filters. */
export function indexPage(entries: IndexEntry[], options: PageOptions): string {
  const rows = entries.map((entry) => {
    if (!entry.annotation) {
      return `<tr class="problem"><td>${escapeHtml(entry.path)}</td><td colspan="6">${escapeHtml(entry.problem ?? 'cannot be read')}</td></tr>`
    }
    const counts = countsOf(entry.annotation)
    const flags = [
      counts.unreviewed > 0 ? 'unreviewed' : '',
      counts.needsRecheck > 0 ? 'needs-recheck' : '',
      counts.obsolete > 0 ? 'obsolete' : '',
      counts.anonymousWithoutBasis > 0 ? 'anonymous' : ''
    ].filter(Boolean)
    const title = titleOf(entry.annotation)
    const cells = [counts.body, counts.claims, counts.unreviewed, counts.needsRecheck, counts.obsolete, counts.anonymousWithoutBasis]
    return (
      `<tr data-article="${escapeHtml(entry.path)}" data-flags="${flags.join(' ')}">` +
      `<td><a href="${escapeHtml(entry.href)}">${escapeHtml(title)}</a><br><small>${escapeHtml(entry.annotation.article.path)}</small></td>` +
      cells.map((value) => `<td class="number${value > 0 ? '' : ' zero'}">${value}</td>`).join('') +
      '</tr>'
    )
  })
  const filters = [
    ['all', 'All'],
    ['unreviewed', 'Unreviewed sentences'],
    ['needs-recheck', 'To recheck'],
    ['obsolete', 'Obsolete reviews'],
    ['anonymous', 'Anonymous sources without basis']
  ]
  const body = [
    '<header><h1>Fact-check annotations</h1>',
    `<p>${entries.length} article${entries.length === 1 ? '' : 's'}. ${options.interactive ? 'Reviews are saved into the annotation files.' : 'A read-only view; review in <code>npm run review</code> or in the YAML.'}</p></header>`,
    '<main>',
    '<fieldset class="filters"><legend>Show</legend>',
    ...filters.map(([value, label], index) => `<label><input type="radio" name="filter" value="${value}"${index === 0 ? ' checked' : ''}> ${label}</label>`),
    '<label>Search <input type="search" name="search" placeholder="title or path"></label>',
    '</fieldset>',
    '<table class="articles">',
    '<thead><tr><th>article</th><th>body sentences</th><th>claims ≥ 0.5</th><th>unreviewed</th><th>needs recheck</th><th>obsolete</th><th>anonymous, no basis</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    '</main>'
  ].join('\n')
  return page('Fact-check annotations', body, options)
}

/** One highlighted stretch of a sentence, in offsets into the sentence's text. */
interface Mark {
  start: number
  end: number
  /** The element's opening tag. */
  open: string
  close: string
}

/**
 * A sentence's text with its marks as elements. Marks that cross are split
 * where they cross, so every element is whole and nested; each piece keeps
 * its attributes.
 */
function marked(text: string, marks: Mark[]): string {
  const points = [...new Set([0, text.length, ...marks.flatMap((mark) => [mark.start, mark.end])])].filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b)
  // Outer marks first: earlier start, then later end.
  const order = [...marks].sort((a, b) => a.start - b.start || b.end - a.end)
  const open: Mark[] = []
  let out = ''
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index]!
    const to = points[index + 1]!
    const covering = order.filter((mark) => mark.start <= from && mark.end >= to)
    // Keep the open marks that still cover this piece, in order; close from the first that does not.
    let keep = 0
    while (keep < open.length && keep < covering.length && open[keep] === covering[keep]) keep++
    for (let close = open.length - 1; close >= keep; close--) out += open[close]!.close
    open.length = keep
    for (const mark of covering.slice(keep)) {
      out += mark.open
      open.push(mark)
    }
    out += escapeHtml(text.slice(from, to))
  }
  for (let close = open.length - 1; close >= 0; close--) out += open[close]!.close
  return out
}

/**
 * Where a span of the article stands in its sentence's text: at its offset
 * for plain text; for Markdown and HTML, whose offsets count markup the
 * text has not, where the span's text is found.
 */
function within(sentence: SentenceAnnotation, span: Span): {start: number; end: number} | undefined {
  const at = span.start - sentence.start.offset
  if (sentence.text.slice(at, at + span.text.length) === span.text) return {start: at, end: at + span.text.length}
  const found = sentence.text.indexOf(span.text)
  return found === -1 ? undefined : {start: found, end: found + span.text.length}
}

function sentenceMarks(sentence: SentenceAnnotation): Mark[] {
  const marks: Mark[] = []
  const add = (span: Span, open: string, close = '</span>'): void => {
    const place = within(sentence, span)
    if (place && place.end > place.start) marks.push({...place, open, close})
  }
  for (const attribution of sentence.attributions) {
    const rejected = sentence.review.rejected.includes(attribution.id)
    const id = escapeHtml(attribution.id)
    const common = `data-attribution="${id}"${rejected ? ' data-rejected="true"' : ''}`
    for (const part of [attribution.content, ...(attribution.content.more ?? [])]) add(part, `<span class="content" ${common} data-role="content">`)
    add(attribution.cue, `<span class="cue" ${common} data-role="cue">`)
    const source = attribution.source
    if (source) {
      const flag = source.anonymous ? (source.basis ? `anonymous; basis: ${source.basis.text}` : 'anonymous; no basis given') : source.type
      add(
        source,
        `<span class="source type-${escapeHtml(source.type)}${source.anonymous ? ' anonymous' : ''}${source.anonymous && !source.basis ? ' no-basis' : ''}" ${common} data-role="source" data-source-type="${escapeHtml(source.type)}" title="${escapeHtml(flag)}">`
      )
      if (source.basis) add(source.basis, '<span class="basis" title="basis of the source’s knowledge">')
    }
  }
  for (const quantity of sentence.claim.quantities) add(quantity, `<mark class="quantity" title="${escapeHtml(quantity.kind)}">`, '</mark>')
  for (const hedge of sentence.claim.hedges) add(hedge, '<mark class="hedge" title="hedge">', '</mark>')
  return marks
}

/** The HTML title, else the first heading, else the file's name. */
export function titleOf(annotation: Annotation): string {
  return (
    annotation.article.title?.text ??
    annotation.sentences.find((sentence) => sentence.kind === 'heading')?.text ??
    annotation.article.path.split('/').at(-1)!.replace(/\.[^.]+$/u, '')
  )
}

function band(score: number): string {
  return score >= 0.75 ? 'high' : score >= 0.5 ? 'claim' : score >= 0.25 ? 'low' : 'none'
}

function describeAttribution(attribution: AttributionAnnotation): string {
  const source = attribution.source ? `${attribution.source.text} (${attribution.source.type})` : 'no source'
  const found = attribution.rule === 'model' ? 'found by the tagger' : `rule ${attribution.rule}`
  const confidence = attribution.confidence === undefined ? '' : `, confidence ${attribution.confidence.toFixed(2)}`
  return `${source} — ${attribution.cue.text} — “${attribution.content.text.length > 60 ? `${attribution.content.text.slice(0, 59)}…` : attribution.content.text}” (${found}${confidence})`
}

const statusKeys: Record<Review['status'], string> = {
  unreviewed: '0',
  verified: '1',
  disputed: '2',
  false: '3',
  misleading: '4',
  unverifiable: '5',
  'not-a-claim': '6'
}

export const statusKey = statusKeys

function reviewForm(sentence: SentenceAnnotation): string {
  const review = sentence.review
  const id = escapeHtml(sentence.id)
  const options = reviewStatuses
    .map((status) => `<option value="${status}"${status === review.status ? ' selected' : ''}>${statusKeys[status]} ${status}</option>`)
    .join('')
  const rejected = sentence.attributions
    .map(
      (attribution) =>
        `<label class="reject"><input type="checkbox" name="rejected" value="${escapeHtml(attribution.id)}"${review.rejected.includes(attribution.id) ? ' checked' : ''}> wrong: ${escapeHtml(describeAttribution(attribution))}</label>`
    )
    .join('')
  const addedRow = (item: {source: string; cue: string; content: string; note: string}, index: number): string =>
    `<fieldset class="added" data-added="${index}"><legend>${index < review.added.length ? 'Added attribution (empty it to remove)' : 'Add a missed attribution: select its text, then take it'}</legend>` +
    (['source', 'cue', 'content'] as const)
      .map(
        (role) =>
          `<label>${role} <input name="added-${role}" value="${escapeHtml(item[role])}"></label><button type="button" data-take="${role}" title="use the text selected in the sentence">from selection</button>`
      )
      .join('') +
    `<label>note <input name="added-note" value="${escapeHtml(item.note)}"></label></fieldset>`
  const added = [...review.added, {source: '', cue: '', content: '', note: ''}].map(addedRow).join('')
  const recheck = review.needsRecheck
    ? `<label class="recheck"><input type="checkbox" name="needs_recheck" checked> needs recheck${review.previousText ? ` (reviewed as: “${escapeHtml(review.previousText)}”)` : ''}</label>`
    : ''
  const more = review.evidence.length > 0 || review.rejected.length > 0 || review.added.length > 0
  const counts = [`evidence ${review.evidence.length}`, ...(sentence.attributions.length > 0 ? [`rejected ${review.rejected.length}`] : []), `added ${review.added.length}`]
  return (
    `<form class="review" data-form-for="${id}">` +
    '<div class="row">' +
    `<label class="status">status <select name="status">${options}</select></label>` +
    '<button type="submit">Save</button>' +
    `<span class="signed">${escapeHtml([review.reviewer, review.date].filter(Boolean).join(', '))}</span>` +
    '</div>' +
    recheck +
    `<label class="note">note <textarea name="note" rows="1">${escapeHtml(review.note)}</textarea></label>` +
    `<details${more ? ' open' : ''}><summary>evidence, attributions (${counts.join(', ')})</summary>` +
    `<label>evidence, one a line <textarea name="evidence" rows="2">${escapeHtml(review.evidence.join('\n'))}</textarea></label>` +
    (rejected ? `<div class="rejects">${rejected}</div>` : '') +
    added +
    '</details>' +
    '</form>'
  )
}

function sentenceMeta(sentence: SentenceAnnotation): string {
  if (sentence.kind !== 'body') return `<p class="meta">${escapeHtml(sentence.furniture ?? sentence.kind)}</p>`
  const claim = sentence.claim
  const anonymous = sentence.attributions
    .filter((attribution) => attribution.source?.anonymous)
    .map((attribution) => {
      const source = attribution.source!
      return `<span class="flag${source.basis ? '' : ' no-basis'}">anonymous source “${escapeHtml(source.text)}”: ${source.basis ? `basis “${escapeHtml(source.basis.text)}”` : 'no basis given'}</span>`
    })
  const quantities = claim.quantities.map((quantity) => `${quantity.text} (${quantity.kind})`)
  const parts = [
    `<span class="score">claim ${claim.score.toFixed(2)}</span>`,
    escapeHtml(claim.types.join(', ')),
    `<span class="reasons">${escapeHtml(claim.reasons.join(', '))}</span>`,
    ...(quantities.length > 0 ? [`quantities: ${escapeHtml(quantities.join('; '))}`] : []),
    ...(claim.hedges.length > 0 ? [`hedges: ${escapeHtml(claim.hedges.map((hedge) => hedge.text).join(', '))}`] : []),
    ...anonymous
  ]
  return `<p class="meta">${parts.join(' · ')}</p>`
}

/**
 * An article as it reads (paragraphs where its lines break), every sentence
 * marked by its claim score, attributions by role, sources by type,
 * anonymous sources flagged, quantities and hedges marked, furniture
 * dimmed; in the app, each body sentence with its review form.
 */
export function articlePage(path: string, annotation: Annotation, options: PageOptions & {index: string}): string {
  const paragraphs: SentenceAnnotation[][] = []
  let line = -1
  for (const sentence of annotation.sentences) {
    if (sentence.start.line > line || paragraphs.length === 0) paragraphs.push([])
    paragraphs.at(-1)!.push(sentence)
    line = sentence.end.line
  }
  const sentenceHtml = (sentence: SentenceAnnotation): string => {
    const classes = ['sentence', `kind-${sentence.kind}`, `claim-${band(sentence.claim.score)}`, `status-${sentence.review.status}`]
    if (sentence.review.needsRecheck) classes.push('needs-recheck')
    const form = options.interactive && (sentence.kind === 'body' || sentence.review.status !== 'unreviewed') ? reviewForm(sentence) : ''
    const verdict = !options.interactive && sentence.review.status !== 'unreviewed' ? `<p class="verdict">${escapeHtml(sentence.review.status)}${sentence.review.note ? `: ${escapeHtml(sentence.review.note)}` : ''}</p>` : ''
    return (
      `<div class="${classes.join(' ')}" data-sentence="${escapeHtml(sentence.id)}" data-score="${sentence.claim.score}" id="${escapeHtml(sentence.id)}" tabindex="-1">` +
      `<div class="reading"><p class="text">${marked(sentence.text, sentenceMarks(sentence))}</p>${sentenceMeta(sentence)}${verdict}</div>` +
      form +
      '</div>'
    )
  }
  const obsolete = annotation.obsolete.length
    ? `<section class="obsolete"><h2>Reviews of sentences no longer in the article</h2>${annotation.obsolete
        .map((item) => `<p data-obsolete="${escapeHtml(item.id)}"><strong>${escapeHtml(item.review.status)}</strong>: “${escapeHtml(item.text)}”${item.review.note ? ` — ${escapeHtml(item.review.note)}` : ''}</p>`)
        .join('')}</section>`
    : ''
  const title = titleOf(annotation)
  const keys = options.interactive
    ? `<p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous claim; ${reviewStatuses.map((status) => `<kbd>${statusKeys[status]}</kbd> ${status}`).join(', ')}; <kbd>s</kbd> save (<kbd>Ctrl</kbd>+<kbd>Enter</kbd> in a text field).</p>`
    : ''
  const body = [
    `<header><p><a href="${escapeHtml(options.index)}">All articles</a></p><h1>${escapeHtml(title)}</h1>`,
    `<p class="path">${escapeHtml(annotation.article.path)} → ${escapeHtml(path)}</p>${keys}`,
    '<div role="alert" id="alert" class="alert"></div></header>',
    '<main class="article">',
    ...paragraphs.map((sentences) => `<section class="paragraph">${sentences.map(sentenceHtml).join('')}</section>`),
    obsolete,
    '</main>'
  ].join('\n')
  const data = options.interactive ? {path, reviews: Object.fromEntries(annotation.sentences.map((sentence) => [sentence.id, sentence.review]))} : undefined
  return page(title, body, options, data)
}
