import type {Paragraph, Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import {Lexicon, LexiconError} from '../lexicon.ts'
import {RangeLookup} from '../ranges.ts'
import {textView} from '../text.ts'
import type {FurnitureKind, FurnitureRange} from '../types.ts'

/** A related-headline list ends at a paragraph longer than this many words. */
const headlineMaxWords = 30

/**
 * A newsletter sign-up is a line or two ("For more, sign up for the … newsletter.", 9 words);
 * a longer paragraph that mentions signing up ("asked workers to sign up for an optional pay
 * cut", 82 words) is body text.
 */
const newsletterMaxWords = 20

/**
 * Marks page furniture (promos, navigation headings, lists of related
 * headlines, newsletter sign-ups, editors' notes, and the short lines after
 * an article's end) on `file.data.furniture`, one range a paragraph.
 * Furniture is kept in the annotation but never offered as a claim.
 */
export default function retextFurniture(): Transformer<Root> {
  const lexicon = new Lexicon(new URL('./data/furniture.yml', import.meta.url))
  const compile = (key: string): RegExp[] =>
    lexicon.strings(key, {caseSensitive: true}).map((source) => {
      try {
        return new RegExp(source, 'iu')
      } catch (error) {
        throw new LexiconError(`${lexicon.path}: \`${key}\` pattern ${JSON.stringify(source)}: ${(error as Error).message}`)
      }
    })
  const rules: Array<{kind: 'promo' | 'navigation' | 'newsletter' | 'editors-note'; patterns: RegExp[]; maxWords: number}> = [
    {kind: 'promo', patterns: compile('promo'), maxWords: Infinity},
    {kind: 'navigation', patterns: compile('navigation'), maxWords: Infinity},
    {kind: 'newsletter', patterns: compile('newsletter'), maxWords: newsletterMaxWords},
    {kind: 'editors-note', patterns: compile('editors-note'), maxWords: Infinity}
  ]

  return function (tree, file) {
    const text = textView(tree, file)
    // Ranges the markup already gave (navigation, asides, code in Markdown or HTML) stay; their
    // paragraphs, and headings, are not looked at again.
    const given = new RangeLookup([...(file.data.furniture ?? []), ...(file.data.headings ?? [])])
    const ranges: FurnitureRange[] = [...(file.data.furniture ?? [])]
    // A long article runs a section at a time: the state at this section's start comes from the
    // sections before it.
    const sectionStart = file.data.section?.start ?? 0
    let afterEnd = sectionStart > 0 && file.data.articleEnded === true
    let inList = sectionStart > 0 && file.data.headlineListOpen === true
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode' || !paragraph.position) continue
      if (given.find(paragraph.position.start.offset!)) continue
      const {start, end} = paragraph.position
      const paragraphText = (start.offset === undefined || end.offset === undefined ? toString(paragraph) : text.slice(start.offset, end.offset)).trim()
      const words = wordCount(paragraph)
      // A paragraph longer than a rule allows is body text even when it matches, and then also ends a
      // list of headlines; it is tested only when that can matter.
      const matched = rules.find(
        (rule) => (words <= rule.maxWords || (inList && words <= headlineMaxWords)) && rule.patterns.some((pattern) => pattern.test(paragraphText))
      )
      let kind: FurnitureKind | undefined = matched && words <= matched.maxWords ? matched.kind : undefined
      if (kind === undefined && !matched && inList && words <= headlineMaxWords) kind = 'related-headline'
      else if (kind === undefined && afterEnd) {
        // Short lines after an article's end are the page's; a paragraph of prose is body again
        // (the article goes on, or a file holds several articles or a whole transcript).
        if (words <= headlineMaxWords) kind = 'trailer'
        else afterEnd = false
      }
      if (kind === 'promo') afterEnd = true
      inList = kind === 'navigation' || kind === 'related-headline'
      if (kind !== undefined) {
        ranges.push({kind, start: paragraph.position.start.offset!, end: paragraph.position.end.offset!})
      }
    }
    if (ranges.length > 0) file.data.furniture = ranges.sort((a, b) => a.start - b.start)
    file.data.headlineListOpen = inList
    file.data.articleEnded = afterEnd
  }
}

declare module 'vfile' {
  interface DataMap {
    /** A long article runs a section at a time: the last paragraph of the sections so far was navigation or a related headline. */
    headlineListOpen: boolean
    /** A long article runs a section at a time: the sections so far ended with an article's end (a promo) and the short lines after it. */
    articleEnded: boolean
  }
}

function wordCount(paragraph: Paragraph): number {
  let count = 0
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const node of sentence.children) if (node.type === 'WordNode') count++
  }
  return count
}
