import type {Paragraph, ParagraphContent, Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import {visit} from 'unist-util-visit'
import {Lexicon, lowerSet} from '../lexicon.ts'

/**
 * Corrects parse-english's sentence boundaries in news prose:
 *
 * - joins sentences it split after abbreviations it does not know
 *   ("No. 1", "vs. 48", "Fig. 3", "approx. 30", "Acme Corp. said");
 * - splits sentences it joined after a number ("rose to 12. Analysts …"), an
 *   initialism ("in the U.S. Last year …") or a single initial when a common
 *   sentence opener follows.
 *
 * Usable after retext-english or retextEnglishLines.
 */
export default function retextNewsSentences(): Transformer<Root> {
  const abbreviations = new Lexicon(new URL('./data/abbreviations.yml', import.meta.url))
  const beforeName = new Set(abbreviations.strings('before-name', {caseSensitive: true}))
  const beforeNumber = new Set(abbreviations.strings('before-number', {caseSensitive: true}))
  const inside = lowerSet(abbreviations.strings('inside'))
  const company = new Set(abbreviations.strings('company', {caseSensitive: true}))
  const openers = new Set(
    new Lexicon(new URL('./data/openers.yml', import.meta.url)).strings('openers', {caseSensitive: true})
  )

  return function (tree) {
    visit(tree, 'ParagraphNode', (paragraph: Paragraph) => {
      resegment(paragraph)
    })
  }

  function resegment(paragraph: Paragraph): void {
    const items: Item[] = []
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') {
        child.children.forEach((node, index) => items.push({node, starts: index === 0, inSentence: true}))
      } else {
        items.push({node: child, starts: false, inSentence: false})
      }
    }

    let changed = false
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!
      if (item.starts && shouldJoin(items, index)) {
        item.starts = false
        changed = true
      } else if (!item.starts && item.node.type === 'WordNode' && shouldSplitAfter(items, index)) {
        const next = nextToken(items, index)
        if (next !== undefined) {
          items[next]!.starts = true
          changed = true
        }
      }
    }
    if (changed) paragraph.children = rebuild(items)
  }

  /** `items[index]` starts a sentence: should it continue the previous one instead? */
  function shouldJoin(items: Item[], index: number): boolean {
    const period = previousToken(items, index)
    if (period === undefined || items[period]!.node.type !== 'PunctuationNode' || toString(items[period]!.node) !== '.') {
      return false
    }
    const wordIndex = previousToken(items, period)
    if (wordIndex === undefined || items[wordIndex]!.node.type !== 'WordNode') return false
    const word = toString(items[wordIndex]!.node)
    const next = toString(items[index]!.node)
    if (inside.has(word.toLowerCase()) || beforeName.has(word)) return true
    if (beforeNumber.has(word)) return /^\d/.test(next)
    if (company.has(word)) return !openers.has(next)
    return false
  }

  /** A word ending in a full stop inside a sentence: does a new sentence start after it? */
  function shouldSplitAfter(items: Item[], index: number): boolean {
    const word = toString(items[index]!.node)
    if (!word.endsWith('.') || word.length < 2) return false
    const nextIndex = nextToken(items, index)
    if (nextIndex === undefined || items[nextIndex]!.starts) return false
    const next = items[nextIndex]!.node
    const nextText = next.type === 'PunctuationNode' ? followingWord(items, nextIndex) : toString(next)
    if (!nextText || !/^\p{Lu}/u.test(nextText)) return false
    if (next.type !== 'WordNode' && !(next.type === 'PunctuationNode' && /^["“‘']$/.test(toString(next)))) return false

    const core = word.slice(0, -1)
    if (/^\d[\d,.]*$/.test(core)) {
      // "1. Introduction" numbers a list; "No. 12. The …" has already been joined.
      return !items[index]!.starts && !isFirstInSentence(items, index)
    }
    if (/^\p{L}$/u.test(core) || /^(\p{L}\.)+\p{L}$/u.test(core)) return openers.has(nextText)
    if (company.has(core)) return openers.has(nextText)
    return false
  }
}

interface Item {
  node: SentenceContent | ParagraphContent
  /** This node opens a sentence. */
  starts: boolean
  /** The node was inside a sentence (not white space between sentences). */
  inSentence: boolean
}

function isToken(item: Item): boolean {
  return item.node.type !== 'WhiteSpaceNode'
}

function previousToken(items: Item[], index: number): number | undefined {
  for (let cursor = index - 1; cursor >= 0; cursor--) if (isToken(items[cursor]!)) return cursor
  return undefined
}

function nextToken(items: Item[], index: number): number | undefined {
  for (let cursor = index + 1; cursor < items.length; cursor++) if (isToken(items[cursor]!)) return cursor
  return undefined
}

function followingWord(items: Item[], index: number): string | undefined {
  const next = nextToken(items, index)
  return next === undefined ? undefined : toString(items[next]!.node)
}

function isFirstInSentence(items: Item[], index: number): boolean {
  for (let cursor = index - 1; cursor >= 0; cursor--) {
    if (items[cursor]!.starts) return !isToken(items[cursor]!) || cursor === index
    if (isToken(items[cursor]!)) return false
  }
  return true
}

/** Group items into sentences again; white space between sentences stays in the paragraph. */
function rebuild(items: Item[]): ParagraphContent[] {
  const children: ParagraphContent[] = []
  let sentence: SentenceContent[] | undefined
  let trailing: ParagraphContent[] = []

  const close = (): void => {
    if (sentence && sentence.length > 0) children.push(makeSentence(sentence))
    children.push(...trailing)
    sentence = undefined
    trailing = []
  }

  for (const item of items) {
    if (item.starts) close()
    if (!isToken(item)) {
      if (sentence) trailing.push(item.node as ParagraphContent)
      else children.push(item.node as ParagraphContent)
      continue
    }
    if (!sentence) {
      children.push(...trailing)
      trailing = []
      sentence = []
    }
    sentence.push(...(trailing as SentenceContent[]))
    trailing = []
    sentence.push(item.node as SentenceContent)
  }
  close()
  return children
}

function makeSentence(children: SentenceContent[]): Sentence {
  const first = children[0]?.position
  const last = children.at(-1)?.position
  const sentence: Sentence = {type: 'SentenceNode', children}
  if (first && last) sentence.position = {start: {...first.start}, end: {...last.end}}
  return sentence
}
