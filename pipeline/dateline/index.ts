import type {Paragraph, Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {textView} from '../text.ts'
import '../types.ts'

const dash = /^(?:—|–|--|-|―)$/u
const upperWord = /^[\p{Lu}][\p{Lu}.'’-]*$/u

/**
 * Finds a dateline ("BEIJING —", "WASHINGTON, D.C. —", "LONDON (Reuters) -")
 * at the start of the first paragraph, splits it off into a sentence of its
 * own so it never becomes part of a claim, and records the place on
 * `file.data.dateline`.
 */
export default function retextDateline(): Transformer<Root> {
  return function (tree, file) {
    // A dateline opens the body: a later section of a long article (see `annotate`) looks for one
    // only when no section before it had a paragraph of the body.
    const sectionStart = file.data.section?.start ?? 0
    if (sectionStart > 0 && file.data.bodySeen) return
    // The first paragraph of the body: Markdown or HTML headings, navigation or a byline may come
    // first, and so may a paragraph without a word (HTML makes one of white space beside a script).
    const headings = [...(file.data.headings ?? []), ...(file.data.furniture ?? [])]
    const paragraph = tree.children.find(
      (child): child is Paragraph =>
        child.type === 'ParagraphNode' &&
        hasWord(child) &&
        !headings.some((heading) => child.position !== undefined && child.position.start.offset! >= heading.start && child.position.start.offset! < heading.end)
    )
    file.data.bodySeen = paragraph !== undefined
    const sentence = paragraph?.children.find((child): child is Sentence => child.type === 'SentenceNode')
    if (!paragraph || !sentence) return
    const split = findDateline(sentence)
    if (split === undefined) return
    const {placeEnd, dashIndex} = split
    const head = sentence.children.slice(0, dashIndex + 1)
    let restStart = dashIndex + 1
    const between: SentenceContent[] = []
    while (sentence.children[restStart]?.type === 'WhiteSpaceNode') between.push(sentence.children[restStart++]!)
    const rest = sentence.children.slice(restStart)
    if (rest.length === 0) return

    const datelineSentence = makeSentence(head)
    const restSentence = makeSentence(rest)
    const index = paragraph.children.indexOf(sentence)
    paragraph.children.splice(index, 1, datelineSentence, ...(between as typeof paragraph.children), restSentence)

    const value = textView(tree, file)
    const start = head[0]!.position!.start.offset!
    const end = head[placeEnd]!.position!.end.offset!
    setDateline(file, {
      text: value.slice(start, end),
      start,
      end,
      sentence: {start, end: head.at(-1)!.position!.end.offset!}
    })
  }
}

function hasWord(paragraph: Paragraph): boolean {
  return paragraph.children.some((sentence) => sentence.type === 'SentenceNode' && sentence.children.some((node) => node.type === 'WordNode'))
}

declare module 'vfile' {
  interface DataMap {
    /** A long article runs a section at a time: an earlier section had a paragraph of the body, where a dateline would have been. */
    bodySeen: boolean
  }
}

function setDateline(file: VFile, dateline: NonNullable<VFile['data']['dateline']>): void {
  file.data.dateline = dateline
}

/** Index of the last token of the place and of the dash, when the sentence opens with a dateline. */
function findDateline(sentence: Sentence): {placeEnd: number; dashIndex: number} | undefined {
  let placeEnd = -1
  let words = 0
  let inParentheses = false
  for (let index = 0; index < sentence.children.length && index < 24; index++) {
    const node = sentence.children[index]!
    const text = toString(node)
    if (node.type === 'WhiteSpaceNode') continue
    if (inParentheses) {
      if (text === ')') inParentheses = false
      continue
    }
    if (node.type === 'WordNode') {
      if (!upperWord.test(text) || text.length < 2 && text !== 'D') return undefined
      placeEnd = index
      words++
      continue
    }
    if (text === ',' && words > 0) continue
    if (text === '(' && words > 0) {
      inParentheses = true
      continue
    }
    if (dash.test(text) && words > 0 && words <= 5) {
      const next = sentence.children[index + 1]
      if (next?.type !== 'WhiteSpaceNode') return undefined
      // The story's first sentence follows: "NATO — the alliance — met" is no dateline.
      const first = sentence.children[index + 2]
      if (!first || !/^[\p{Lu}\d“"‘']/u.test(toString(first))) return undefined
      return {placeEnd, dashIndex: index}
    }
    return undefined
  }
  return undefined
}

function makeSentence(children: SentenceContent[]): Sentence {
  return {
    type: 'SentenceNode',
    children,
    position: {start: {...children[0]!.position!.start}, end: {...children.at(-1)!.position!.end}}
  }
}
