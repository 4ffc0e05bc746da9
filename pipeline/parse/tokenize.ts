import type {Point} from 'unist'
import type {SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'

/** The node types parse-latin's tokenizer makes, as small numbers for a typed array. */
const whiteSpace = 1
const punctuation = 2
const word = 3
const symbol = 4
type TokenType = typeof whiteSpace | typeof punctuation | typeof word | typeof symbol
const typeNames = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const

/** parse-latin's own tokenizer, asked once about each UTF-16 code unit the first time it is seen. */
const reference = new ParseEnglish()
/** The token type of each code unit; 0 until first seen. */
const typeOfUnit = new Uint8Array(0x10000)

function typeOf(value: string, index: number): TokenType {
  const unit = value.charCodeAt(index)
  let type = typeOfUnit[unit]!
  if (type === 0) {
    const name = reference.tokenize(value.charAt(index))[0]!.type
    type = typeNames.indexOf(name as (typeof typeNames)[number]) as TokenType
    typeOfUnit[unit] = type
  }
  return type as TokenType
}

/**
 * parse-english, with three changes and none to its output:
 *
 * - a character's class (white space, punctuation, word, symbol) is looked
 *   up in a table made by asking parse-latin's own tokenizer once per code
 *   unit, where parse-latin runs up to three Unicode regular expressions on
 *   every character: this is most of the cost of a parse;
 * - positions start at `start` (a line's place in the whole file), so a text
 *   parsed a line at a time needs no second walk to move every position;
 * - five plugins that can only act on certain characters (see the
 *   constructor) are skipped for a text without them.
 *
 * The trees equal parse-english's, positions moved, for any text
 * (tests/parse.test.ts compares them).
 */
export class PositionedParseEnglish extends ParseEnglish {
  /** Where the next text parsed starts in its file. */
  start: {line: number; column: number; offset: number} = {line: 1, column: 1, offset: 0}
  /** Characters in the text being parsed without which some of parse-english's plugins do nothing. */
  private holds = {apostropheOrSlash: true, ampersand: true, hyphen: true, slash: true, lineBreak: true}

  constructor() {
    super()
    // parse-english 7's plugins, in order: sentence [elisions (an apostrophe, or "/" in "w/"), "&"
    // opening a word, "-" closing a word, marks inside words, "/" inside words, initialisms,
    // positions]; paragraph [..., implicit sentences (after two line breaks) at 10, ...]. Each of
    // those five walks every node of every line and can only act where its characters are: it is
    // skipped where the text has none. With other lists (another version), nothing is skipped.
    const sentence = this.tokenizeSentencePlugins
    const paragraph = this.tokenizeParagraphPlugins
    if (sentence.length === 7 && paragraph.length === 13) {
      const when = <Node>(plugin: (node: Node) => void, needed: () => boolean) => (node: Node): void => {
        if (needed()) plugin(node)
      }
      sentence[0] = when(sentence[0]!, () => this.holds.apostropheOrSlash)
      sentence[1] = when(sentence[1]!, () => this.holds.ampersand)
      sentence[2] = when(sentence[2]!, () => this.holds.hyphen)
      sentence[4] = when(sentence[4]!, () => this.holds.slash)
      paragraph[10] = when(paragraph[10]!, () => this.holds.lineBreak)
    }
  }

  override tokenize(value?: string | null): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    this.holds = {
      apostropheOrSlash: value.includes("'") || value.includes('’') || value.includes('/'),
      ampersand: value.includes('&'),
      hyphen: value.includes('-'),
      slash: value.includes('/'),
      lineBreak: value.includes('\n') || value.includes('\r')
    }
    const current = {line: this.start.line, column: this.start.column, offset: this.start.offset}
    let from = 0
    let index = 0
    let start: Point = {...current}
    let previousType: TokenType | 0 = 0
    let previousUnit = -1

    while (index < value.length) {
      const unit = value.charCodeAt(index)
      const type = typeOf(value, index)
      if (
        from < index &&
        previousType !== 0 &&
        !(
          previousType === type &&
          // Words and white space continue; so do runs of one mark, and surrogate pairs.
          (previousType === word || previousType === whiteSpace || unit === previousUnit || (unit >= 0xd800 && unit <= 0xdfff))
        )
      ) {
        children.push(createNode(previousType, value.slice(from, index), start, current))
        from = index
        start = {...current}
      }
      if (unit === 13 || (unit === 10 && previousUnit !== 13)) {
        current.line++
        current.column = 1
      } else if (unit !== 10) {
        current.column++
      }
      current.offset++
      previousType = type
      previousUnit = unit
      index++
    }
    if (previousType !== 0 && from < index) children.push(createNode(previousType, value.slice(from, index), start, current))
    return children
  }
}

/** The node parse-latin makes, in the same shape (a word and its text share their start point). */
function createNode(type: TokenType, value: string, start: Point, current: Point): SentenceContent {
  if (type === word) {
    return {
      type: 'WordNode',
      children: [{type: 'TextNode', value, position: {start, end: {...current}}}],
      position: {start, end: {...current}}
    }
  }
  return {type: typeNames[type] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value, position: {start, end: {...current}}}
}
