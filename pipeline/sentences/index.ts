import type {Paragraph, ParagraphContent, Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import {Lexicon, lowerSet} from '../lexicon.ts'
import {textView} from '../text.ts'

/**
 * Corrects parse-english's sentence boundaries in news prose:
 *
 * - joins sentences it split after abbreviations it does not know
 *   ("No. 1", "vs. 48", "Fig. 3", "approx. 30", "Acme Corp. said");
 * - splits sentences it joined after a number ("rose to 12. Analysts …"), an
 *   initialism ("in the U.S. Last year …") or a single initial when a common
 *   sentence opener follows, or a time of day when a title follows ("at 6
 *   P.M. Mr. Lee …");
 * - makes each item of an inline list a sentence of its own, opened by its
 *   marker ("… three parts: 1) a tariff freeze 2) purchases 3) talks.");
 * - keeps spaced ellipses inside their sentence ("what I mean . . . I
 *   didn't"), an ellipsis after a full stop with the sentence it opens, and
 *   a citation after a quote ('"It will pass." (Smith 55).') with the quote.
 *
 * Usable after retext-english or retextEnglishLines.
 */
export default function retextNewsSentences(): Transformer<Root> {
  const abbreviations = new Lexicon(new URL('./data/abbreviations.yml', import.meta.url))
  const beforeName = new Set(abbreviations.strings('before-name', {caseSensitive: true}))
  const months = new Set(abbreviations.strings('months', {caseSensitive: true}))
  const beforeNumber = new Set([...abbreviations.strings('before-number', {caseSensitive: true}), ...months])
  const inside = lowerSet(abbreviations.strings('inside'))
  const company = new Set(abbreviations.strings('company', {caseSensitive: true}))
  const alsoWords = lowerSet(abbreviations.strings('also-words'))
  const times = lowerSet(abbreviations.strings('time'))
  const openers = new Set(
    new Lexicon(new URL('./data/openers.yml', import.meta.url)).strings('openers', {caseSensitive: true})
  )
  const news = new Lexicon(new URL('./data/news.yml', import.meta.url))
  const creditLabels = new Set(news.strings('credit-labels', {caseSensitive: true}))
  const runOnOpeners = new Set(news.strings('run-on-openers', {caseSensitive: true}))
  const runOnFollowers = lowerSet(news.strings('run-on-followers'))
  const quoteIntroducers = lowerSet(news.strings('quote-introducers'))
  const timePhraseWords = lowerSet(news.strings('time-phrase-words'))
  /** The words that can open a run-on sentence ("In", "Image"), and the code units they start with. */
  const runOnStarts = new Set([...runOnOpeners, ...creditLabels])
  const runOnFirstUnits = new Uint8Array(0x10000)
  for (const word of runOnStarts) if (word !== '') runOnFirstUnits[word.charCodeAt(0)] = 1
  const lists = new Lexicon(new URL('./data/lists.yml', import.meta.url))
  const bullets = new Set(lists.strings('bullets', {caseSensitive: true}))
  /** Each roman numeral in lower case, and the number it counts. */
  const romans = new Map(lists.strings('roman-numerals').map((numeral, index) => [numeral.toLowerCase(), index + 1]))

  return function (tree, file) {
    const text = textView(tree, file)
    /** A node's text: cut from the file by offset (cheaper than joining its leaves). */
    const textOf = (node: SentenceContent | ParagraphContent): string =>
      node.position?.start.offset !== undefined && node.position.end.offset !== undefined
        ? text.slice(node.position.start.offset, node.position.end.offset)
        : toString(node)
    // Paragraphs are the root's children (retext-english, retextEnglishLines); walking every word to
    // find them would cost more than the work done on them.
    for (const child of tree.children) {
      if (child.type === 'ParagraphNode') resegment(child, textOf)
    }
  }

  function resegment(paragraph: Paragraph, textOf: (node: Node) => string): void {
    const items: Item[] = []
    /** Closing brackets and words with a full stop ("2.", "II" "."): a paragraph with fewer than two has no list to look for. */
    let listSigns = 0
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') {
        const children = child.children
        for (let index = 0; index < children.length; index++) {
          const node = children[index]!
          if (node.type === 'WordNode' ? node.children.length === 2 : node.type === 'PunctuationNode' && isListSign(node.value, children[index - 1])) listSigns++
          items.push(new Item(node, index === 0, true, textOf))
        }
      } else {
        items.push(new Item(child, false, false, textOf))
      }
    }

    const before = items.map((item) => item.starts)
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!
      // A word joined to the abbreviation before it can still end its sentence: "filed as No. 12. The court …".
      if (item.starts && shouldJoin(items, index)) item.starts = false
      if (!item.starts && item.node.type === 'WordNode' && shouldSplitAfter(items, index)) {
        const next = nextToken(items, index)
        if (next !== undefined) items[next]!.starts = true
      } else if (!item.starts && item.node.type === 'WordNode' && startsRunOn(items, index)) {
        item.starts = true
      }
    }
    joinSpacedEllipses(items)
    splitOpeningEllipses(items)
    reattachDetachedQuotes(items)
    joinInsideBrackets(items)
    joinInsideIntroducedQuotes(items)
    joinTrailingName(items)
    joinSpeechTags(items)
    joinCitations(items)
    if (listSigns >= 2 || (listSigns === 1 && startsWithBullet(items, bullets))) splitInlineLists(items)
    if (items.some((item, index) => item.starts !== before[index])) paragraph.children = rebuild(items)
  }

  /** "… Washington D.C. Image: United States Navy.", "… constituency In the New Territories …" */
  function startsRunOn(items: Item[], index: number): boolean {
    // Most words are neither: tell from the word's one text node, without cutting its text, and
    // from its first character (a word in lower case is none) before looking the word up.
    const value = onlyText(items[index]!.node)
    if (value === undefined || runOnFirstUnits[value.charCodeAt(0)] !== 1 || !runOnStarts.has(value)) return false
    const previous = previousToken(items, index)
    if (previous === undefined || items[previous]!.node.type !== 'WordNode') return false
    const word = items[index]!.text
    const nextIndex = nextToken(items, index)
    if (nextIndex === undefined) return false
    const next = items[nextIndex]!.text
    if (creditLabels.has(word)) return next === ':'
    return runOnOpeners.has(word) && items[nextIndex]!.node.type === 'WordNode' && runOnFollowers.has(next.toLowerCase())
  }

  /**
   * “Does he not understand?” Biden said. — a question or exclamation
   * closing a quote, followed by a short speech tag, is one sentence with it.
   */
  function joinSpeechTags(items: Item[]): void {
    for (let index = 0; index < items.length; index++) {
      if (!items[index]!.starts) continue
      const quote = previousToken(items, index)
      const mark = quote === undefined ? undefined : previousToken(items, quote)
      if (quote === undefined || mark === undefined) continue
      if (!/^["”']+$/u.test(items[quote]!.text) || !/[?!]$/u.test(items[mark]!.text)) continue
      let words = 0
      let tagged = false
      let cursor = index
      for (; cursor < items.length && (cursor === index || !items[cursor]!.starts); cursor++) {
        const item = items[cursor]!
        if (item.node.type !== 'WordNode') continue
        words++
        if (words <= 6 && quoteIntroducers.has(item.text.toLowerCase())) tagged = true
      }
      if (tagged && words <= 12) items[index]!.starts = false
    }
  }

  /**
   * Inside a quote opened after "said", "that" or a colon, and closed
   * in the same paragraph, full stops do not end the sentence.
   */
  function joinInsideIntroducedQuotes(items: Item[]): void {
    let open: number | undefined
    for (let index = 0; index < items.length; index++) {
      if (items[index]!.node.type !== 'PunctuationNode' && items[index]!.node.type !== 'SymbolNode') continue
      const text = items[index]!.text
      const opening = text === '“' || (text === '"' && open === undefined)
      const closing = text === '”' || (text === '"' && open !== undefined)
      if (opening && open === undefined) {
        const previous = previousToken(items, index)
        const introducer = previous === undefined ? '' : items[previous]!.text.toLowerCase()
        open = previous !== undefined && (quoteIntroducers.has(introducer) || introducer === ':') ? index : -1
      } else if (closing && open !== undefined) {
        if (open >= 0) clearStarts(items, open + 1, index)
        open = undefined
      }
    }
  }


  /**
   * "The plan has three parts: 1) a tariff freeze 2) purchases 3) talks.":
   * a run of list markers counting on in one style, opened after a colon or
   * at a sentence's start, makes each item a sentence that its marker (and
   * bullet) opens; the lead-in before the first marker is a sentence too.
   * Not inside quote marks: a quoted list is one sentence with its quote.
   * Last, so that no other rule joins the items again.
   */
  function splitInlineLists(items: Item[]): void {
    let markers: Marker[] | undefined
    let quoted = false
    for (let index = 0; index < items.length; index++) {
      const node = items[index]!.node
      if (node.type === 'PunctuationNode') {
        // A list quoted is part of what was said, one sentence with it (as GUM annotates it).
        if (node.value === '“') quoted = true
        else if (node.value === '”') quoted = false
        else if (node.value === '"') quoted = !quoted
        continue
      }
      if (quoted || node.type !== 'WordNode') continue
      // Most words are no marker: one piece with no mark after it, or more than two pieces.
      const pieces = node.children.length
      if (pieces > 2 || (pieces === 1 && items[index + 1]?.node.type !== 'PunctuationNode')) continue
      const marker = markerAt(items, index)
      if (marker) (markers ??= []).push(marker)
    }
    if (!markers) return
    const used = new Set<Marker>()
    for (let first = 0; first < markers.length; first++) {
      const head = markers[first]!
      if (used.has(head) || !opensList(items, head)) continue
      let best: Marker[] = []
      for (const count of head.counts) {
        const chain = [head]
        let value = count.value
        for (let next = first + 1; next < markers.length; next++) {
          const marker = markers[next]!
          if (used.has(marker) || !marker.counts.some((other) => other.key === count.key && other.value === value + 1)) continue
          if (!hasWord(items, chain.at(-1)!.end + 1, marker.start)) continue
          chain.push(marker)
          value++
        }
        if (chain.length > best.length) best = chain
      }
      const last = best.at(-1)
      if (best.length < 2 || !last || !hasWord(items, last.end + 1, items.length)) continue
      for (const marker of best) markItem(marker)
    }
    // After a bullet, a number or letter is a marker even alone: "• 9. The last item." is one item.
    for (const marker of markers) {
      if (!used.has(marker) && marker.bulleted && opensList(items, marker) && hasWord(items, marker.end + 1, items.length)) markItem(marker)
    }

    function markItem(marker: Marker): void {
      used.add(marker)
      items[marker.start]!.starts = true
      // The rule for numbers may have ended a sentence after "2." in "2. The second item".
      clearStarts(items, marker.start + 1, marker.end + 1)
      const after = nextToken(items, marker.end)
      if (after !== undefined) items[after]!.starts = false
    }
  }

  /** A list marker ("1)", "(2)", "3.", "4.)", "b.", "iv)", "• 9.", "⁃10.") whose number or letter is the word at `index`. */
  function markerAt(items: Item[], index: number): Marker | undefined {
    const node = items[index]!.node
    if (node.type !== 'WordNode') return undefined
    const first = node.children[0]
    if (first?.type !== 'TextNode' || first.value.length > 4) return undefined
    // The closing marks, in the word or after it: parse-english writes "1.)" as "1." and ")", or "1", "." and ")".
    let style = ''
    for (let piece = 1; piece < node.children.length; piece++) {
      const mark = node.children[piece]!
      if (mark.type !== 'PunctuationNode') return undefined
      style += mark.value
    }
    let end = index
    for (let mark = valueAt(items, end + 1); mark !== undefined && style.length < 2; mark = valueAt(items, end + 1)) {
      style += mark
      end++
    }
    if (!listMarkerEnds.has(style) || items[end + 1]?.node.type !== 'WhiteSpaceNode') return undefined
    const counts = countsOf(first.value)
    if (counts.length === 0) return undefined
    let start = index
    if (style === ')' && valueAt(items, index - 1) === '(') {
      style = '()'
      start = index - 1
    }
    // A bullet, touching the marker or a space before it.
    let bullet = ''
    const before = items[start - 1]
    if (before !== undefined && before.node.type !== 'WhiteSpaceNode') {
      const mark = valueAt(items, start - 1)
      if (mark === undefined || !bullets.has(mark)) return undefined
      bullet = mark
      start--
    } else if (before !== undefined) {
      const mark = valueAt(items, start - 2)
      if (mark !== undefined && bullets.has(mark)) {
        bullet = mark
        start -= 2
      }
    }
    return {start, end, counts: counts.map(({key, value}) => ({key: `${key}${style}${bullet}`, value})), bulleted: bullet !== ''}
  }

  /** What a marker's word counts as: a number, a letter, a roman numeral (a letter can be both: "i", "v"). */
  function countsOf(word: string): Count[] {
    if (/^\d{1,3}$/u.test(word)) return [{key: '1', value: Number(word)}]
    const counts: Count[] = []
    const lower = word.toLowerCase()
    const upper = word === word.toUpperCase()
    if (word.length === 1 && lower >= 'a' && lower <= 'z') counts.push({key: upper ? 'A' : 'a', value: lower.charCodeAt(0) - 96})
    const roman = romans.get(lower)
    if (roman !== undefined && (upper || word === lower)) counts.push({key: upper ? 'I' : 'i', value: roman})
    return counts
  }

  /** Is the sentence before `items[index]` only a time phrase ("At 5", "On Tuesday at 9")? */
  function onlyTimeSoFar(items: Item[], index: number): boolean {
    for (let cursor = index - 1; cursor >= 0; cursor--) {
      const item = items[cursor]!
      if (item.node.type === 'WordNode' && !/^\d/u.test(item.text) && !timePhraseWords.has(item.text.toLowerCase())) return false
      if (item.starts) break
    }
    return true
  }

  /**
   * "The talks stalled. ... And then it ended.": an ellipsis after a
   * sentence's full stop and a space opens the next sentence (the omission
   * is at its start), whatever case follows.
   */
  function splitOpeningEllipses(items: Item[]): void {
    for (let index = 1; index < items.length; index++) {
      const node = items[index]!.node
      if (node.type !== 'PunctuationNode' || (node.value !== '...' && node.value !== '…')) continue
      if (items[index]!.starts || !isSpace(items[index - 1]!)) continue
      const previous = previousToken(items, index)
      const next = nextToken(items, index)
      if (previous === undefined || next === undefined || items[next]!.node.type !== 'WordNode') continue
      if (!endsSentence(items[previous]!)) continue
      items[index]!.starts = true
      items[next]!.starts = false
    }
  }

  /** Does this token's full stop, question or exclamation mark end a sentence (not "U.S.", "Mr.")? */
  function endsSentence(item: Item): boolean {
    if (item.node.type === 'PunctuationNode') return /^[.!?]+$/u.test(item.text)
    if (!endsWithFullStop(item.node)) return false
    const core = item.text.slice(0, -1)
    return /^\p{L}{2,}$/u.test(core) && !beforeName.has(core) && !beforeNumber.has(core) && !company.has(core) && !inside.has(core.toLowerCase())
  }

  /** `items[index]` starts a sentence: should it continue the previous one instead? */
  function shouldJoin(items: Item[], index: number): boolean {
    const period = previousToken(items, index)
    if (period === undefined || items[period]!.node.type !== 'PunctuationNode' || items[period]!.text !== '.') {
      return false
    }
    const wordIndex = previousToken(items, period)
    if (wordIndex === undefined || items[wordIndex]!.node.type !== 'WordNode') return false
    const word = items[wordIndex]!.text
    const next = items[index]!.text
    if (inside.has(word.toLowerCase()) || beforeName.has(word)) return true
    if (beforeNumber.has(word)) return /^\d/.test(next)
    if (company.has(word)) return !openers.has(next)
    return false
  }

  /** A word ending in a full stop inside a sentence: does a new sentence start after it? */
  function shouldSplitAfter(items: Item[], index: number): boolean {
    if (!endsWithFullStop(items[index]!.node)) return false
    const word = items[index]!.text
    if (!word.endsWith('.') || word.length < 2) return false
    const nextIndex = nextToken(items, index)
    if (nextIndex === undefined || items[nextIndex]!.starts) return false
    const next = items[nextIndex]!.node
    const nextText = next.type === 'PunctuationNode' ? followingWord(items, nextIndex) : items[nextIndex]!.text
    if (!nextText || !/^\p{Lu}/u.test(nextText)) return false
    if (next.type !== 'WordNode' && !(next.type === 'PunctuationNode' && /^["“‘']$/.test(items[nextIndex]!.text))) return false

    const core = word.slice(0, -1)
    if (/^\d[\d,.]*$/.test(core)) {
      if (/^\d{1,2}$/.test(core) && months.has(nextText.replace(/\.$/u, '')) && isDayFirstDate(items, nextIndex)) return false
      // "1. Introduction" numbers a list: a number opening its sentence does not end it.
      return !items[index]!.starts && !isFirstInSentence(items, index)
    }
    if (times.has(core.toLowerCase()) && beforeName.has(nextText.replace(/\.$/u, ''))) return !onlyTimeSoFar(items, index)
    if (/^\p{L}$/u.test(core) || /^(\p{L}\.)+\p{L}$/u.test(core)) return openers.has(nextText)
    if (company.has(core) || alsoWords.has(core)) return openers.has(nextText)
    return false
  }
}

type Node = SentenceContent | ParagraphContent

/** What a list marker counts in (numbers, letters or roman numerals, with its marks), and its place in the count. */
interface Count {
  key: string
  value: number
}

/** A list marker: from its first node (bullet, bracket or number) to its last. */
interface Marker {
  start: number
  end: number
  counts: Count[]
  /** The marker follows a bullet ("• 9."). */
  bulleted: boolean
}

class Item {
  private cached: string | undefined = undefined
  readonly node: Node
  /** This node opens a sentence. */
  starts: boolean
  /** The node was inside a sentence (not white space between sentences). */
  readonly inSentence: boolean
  private readonly textOf: (node: Node) => string

  constructor(node: Node, starts: boolean, inSentence: boolean, textOf: (node: Node) => string) {
    this.node = node
    this.starts = starts
    this.inSentence = inSentence
    this.textOf = textOf
  }

  /** The node's text, cut from the file when first read: most nodes are never read. */
  get text(): string {
    if (this.cached === undefined) this.cached = this.textOf(this.node)
    return this.cached
  }
}

/** A word of one text node ("In", not "U.S."): that text. */
function onlyText(node: Node): string | undefined {
  if (node.type !== 'WordNode' || node.children.length !== 1) return undefined
  const only = node.children[0]!
  return only.type === 'TextNode' ? only.value : undefined
}

/** Does a word end in a full stop ("U.S.", "12.")? Read off its last piece. */
function endsWithFullStop(node: Node): boolean {
  if (node.type !== 'WordNode') return false
  const last = node.children.at(-1)
  return last !== undefined && 'value' in last && last.value.endsWith('.')
}

/** The month at `items[month]` has its full stop (in the word, or next) and a number after it: "13. Jän. 2006". */
function isDayFirstDate(items: Item[], month: number): boolean {
  let stop: number | undefined = month
  if (!items[month]!.text.endsWith('.')) {
    stop = nextToken(items, month)
    if (stop === undefined || items[stop]!.text !== '.') return false
  }
  const year = nextToken(items, stop)
  return year !== undefined && /^\d/.test(items[year]!.text)
}

/** Does the paragraph open with a bullet ("• 9. The last item.")? */
function startsWithBullet(items: Item[], bullets: ReadonlySet<string>): boolean {
  const first = items.findIndex(isToken)
  const mark = first === -1 ? undefined : valueAt(items, first)
  return mark !== undefined && bullets.has(mark)
}

/** A mark that may close a list marker: ")", or a full stop after a short word. */
function isListSign(mark: string, before: SentenceContent | undefined): boolean {
  if (mark === ')') return true
  if (mark !== '.' || before?.type !== 'WordNode' || before.children.length !== 1) return false
  const only = before.children[0]!
  return only.type === 'TextNode' && only.value.length <= 4
}

/** How a list marker may close: "1.", "1)", "1.)". */
const listMarkerEnds = new Set(['.', ')', '.)'])

/** The value of a mark at `index` (read off the node: no text is cut). */
function valueAt(items: Item[], index: number): string | undefined {
  const node = items[index]?.node
  return node !== undefined && (node.type === 'PunctuationNode' || node.type === 'SymbolNode') ? node.value : undefined
}

/** Is there a word in `items[from..to)`? */
function hasWord(items: Item[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (items[index]!.node.type === 'WordNode') return true
  return false
}

/** A list's first marker opens a paragraph or a sentence, or follows a colon or a sentence's last mark. */
function opensList(items: Item[], marker: Marker): boolean {
  if (items[marker.start]!.starts) return true
  const previous = previousToken(items, marker.start)
  return previous === undefined || /[:.!?]$/u.test(items[previous]!.text)
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
  return next === undefined ? undefined : items[next]!.text
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

/** A sentence inside brackets shorter than this many words is an aside, not a sentence. */
const asideMaxWords = 5

/**
 * Short asides inside parentheses or brackets closed in the same paragraph
 * do not end the sentence ("Nested (Parenthesis. (With words inside!))");
 * a whole sentence inside them still does. A parenthesis that opens a
 * sentence, closes, and is followed by another opening one ends it:
 * "(Phil. 4:8) (Oh. Again!)".
 */
function joinInsideBrackets(items: Item[]): void {
  const stack: number[] = []
  for (let index = 0; index < items.length; index++) {
    if (items[index]!.node.type !== 'PunctuationNode') continue
    // parse-english keeps runs of marks together: "))" is one node.
    for (const char of items[index]!.text) {
      if (char === '(' || char === '[') stack.push(index)
      else if ((char === ')' || char === ']') && stack.length > 0) {
        const open = stack.pop()!
        let words = 0
        for (let inner = open + 1; inner < index; inner++) {
          if (items[inner]!.starts) {
            if (words < asideMaxWords) items[inner]!.starts = false
            words = 0
          }
          if (items[inner]!.node.type === 'WordNode') words++
        }
        const next = nextToken(items, index)
        if (stack.length === 0 && next !== undefined && sentenceStartsAt(items, open) && /^[([]/u.test(items[next]!.text)) {
          items[next]!.starts = true
        }
      }
    }
  }
}

/** A parenthesis after a closed quote, with no more words than this, cites it. */
const citationMaxWords = 8

/**
 * 'He wrote, "It will pass." (Smith 55). Then he left.': a short
 * parenthesis right after a quote that ended a sentence, standing alone
 * (with at most its full stop) until the next sentence, cites the quote and
 * belongs to its sentence. A parenthesis that holds a sentence of its own
 * ("(He did not.)") is left alone.
 */
function joinCitations(items: Item[]): void {
  for (let index = 0; index < items.length; index++) {
    if (!items[index]!.starts || valueAt(items, index) !== '(') continue
    const quote = previousToken(items, index)
    if (quote === undefined || !/^["”’']+$/u.test(items[quote]!.text)) continue
    const stop = previousToken(items, quote)
    if (stop === undefined || !/[.!?]$/u.test(items[stop]!.text)) continue
    let close: number | undefined
    let words = 0
    for (let cursor = index + 1; cursor < items.length && words <= citationMaxWords; cursor++) {
      const item = items[cursor]!
      if (item.starts) break
      if (item.node.type === 'WordNode') words++
      else if (valueAt(items, cursor)?.startsWith(')')) {
        close = cursor
        break
      }
    }
    if (close === undefined || words === 0 || words > citationMaxWords) continue
    const last = previousToken(items, close)!
    if (/[.!?]$/u.test(items[last]!.text)) continue
    let after = nextToken(items, close)
    if (after !== undefined && /^[.!?]$/u.test(items[after]!.text)) after = nextToken(items, after)
    if (after === undefined || items[after]!.starts) items[index]!.starts = false
  }
}

/** A space between words on one line. */
function isSpace(item: Item): boolean {
  const node = item.node
  return node.type === 'WhiteSpaceNode' && /^[ \u00a0\u202f]$/u.test(node.value)
}

/**
 * "what I mean . . . I didn't mean it": three spaced full stops after a
 * word are an omission inside the sentence (AP and Chicago write a full
 * stop before them when a sentence ends there: "abandoned. . . . The").
 */
function joinSpacedEllipses(items: Item[]): void {
  for (let index = 2; index + 4 < items.length; index++) {
    const node = items[index]!.node
    if (node.type !== 'PunctuationNode' || node.value !== '.' || !isSpace(items[index - 1]!)) continue
    const word = items[index - 2]!
    if (word.node.type !== 'WordNode' || endsWithFullStop(word.node)) continue
    if (!isSpace(items[index + 1]!) || valueAt(items, index + 2) !== '.' || !isSpace(items[index + 3]!) || valueAt(items, index + 4) !== '.') continue
    // A fourth spaced stop ("hurt . . . . Next") is the full stop that ends the sentence.
    const after = items[index + 5]
    if (after === undefined || !isSpace(after) || valueAt(items, index + 6) === '.') continue
    const next = nextToken(items, index + 4)
    if (next !== undefined && items[next]!.node.type === 'WordNode') items[next]!.starts = false
    index += 4
  }
}

function sentenceStartsAt(items: Item[], index: number): boolean {
  if (items[index]!.starts) return true
  const previous = previousToken(items, index)
  return previous === undefined
}

/** A quote mark standing alone at a sentence's start (“ after a full stop) closes the previous one. */
function reattachDetachedQuotes(items: Item[]): void {
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (!item.starts || item.node.type !== 'PunctuationNode' || !/^["“”]$/u.test(item.text)) continue
    if (items[index + 1]?.node.type !== 'WhiteSpaceNode' || index === 0) continue
    const next = nextToken(items, index)
    if (next === undefined) continue
    item.starts = false
    items[next]!.starts = true
  }
}

/** "… she was suppressive. Valeska Paris": a bare name closing a paragraph signs the quote before it. */
function joinTrailingName(items: Item[]): void {
  let last = -1
  for (let index = 0; index < items.length; index++) if (items[index]!.starts) last = index
  if (last <= 0) return
  const tokens = items.slice(last).filter(isToken)
  const words = tokens.filter((item) => item.node.type === 'WordNode')
  const marks = tokens.filter((item) => item.node.type !== 'WordNode').map((item) => item.text)
  if (words.length === 0 || words.length > 4) return
  if (!words.every((item) => /^\p{Lu}/u.test(item.text))) return
  if (!marks.every((mark) => /^[-–—]$/u.test(mark))) return
  items[last]!.starts = false
}

function clearStarts(items: Item[], from: number, to: number): void {
  for (let index = from; index < to; index++) items[index]!.starts = false
}
