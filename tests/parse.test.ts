import {readFileSync} from 'node:fs'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {unified} from 'unified'
import retextEnglishLines, {lineStretch} from '../pipeline/parse/index.ts'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {PositionedParseEnglish} from '../pipeline/parse/tokenize.ts'

/** parse-english's tree with every position moved to start at `line` and `offset`, as a line of a file. */
function reference(text: string, line: number, offset: number): Root {
  // A copy that shares nothing: parse-english gives a parent its children's very point objects.
  const tree = JSON.parse(JSON.stringify(new ParseEnglish().parse(text))) as Root
  visit(tree, (node) => {
    if (!node.position) return
    for (const point of [node.position.start, node.position.end]) {
      point.line += line - 1
      point.offset = point.offset! + offset
    }
  })
  return tree
}

/** Texts that exercise every branch of the tokenizer: each class of character, runs, surrogates, line breaks. */
const texts: string[] = [
  'The senator said on Tuesday that the bill would pass.',
  '“We won’t stop,” she said — and didn’t.',
  'Prices rose 12.5% to $5bn in the U.S. Last year, No. 1 vs. 48 (approx.) [sic] {x}.',
  'Wait!! Really?? Yes... no… ¿Qué? ¡Sí!',
  'e-mail user@example.com, C++ & C#; 3/4 of 1,000 — 50°F ~ 10 °C',
  'Emoji 😀😀 and 👍🏽, lone \ud800 high and \udc00 low surrogates',
  'Tabs\tand\u00a0no-break\u2009thin spaces\u3000wide',
  'CRLF\r\nline\rbreaks\n\nand blank lines\u2028separator\u2029paragraph\u0085next',
  'Ünïcödé wörds: naïve café, Zürich, Łódź, Ελλάδα, Россия, 中文, العربية',
  '  leading and trailing white space  ',
  '--- *** ___ ### !!! ??? ...',
  // One character each of those some plugins need: a closing hyphen, an opening ampersand, a slash, line breaks.
  'A two- and three-year plan, pre- and post-war.',
  'Q&A with &Co and R & D.',
  'He said and/or, 24/7, a/b/c.',
  'Tea w/sugar, please.',
  'Coffee at 5 o’clock.',
  "Rock 'n' roll, 'tis the season, ma'am.",
  'One.\n\n\nTwo\r\n\r\nthree.',
  'a',
  ' ',
  '\n'
]

describe('PositionedParseEnglish', () => {
  it.each(texts.map((text) => [text]))('makes parse-english’s tree, positions moved: %j', (text) => {
    const parser = new PositionedParseEnglish()
    parser.start = {line: 7, column: 1, offset: 1234}
    expect(parser.parse(text)).toEqual(reference(text, 7, 1234))
  })

  it('starts at line 1, offset 0 by default, like parse-english', () => {
    const text = texts[1]!
    expect(new PositionedParseEnglish().parse(text)).toEqual(new ParseEnglish().parse(text))
  })

  it('gives every leaf an offset into the file that cuts out its value', () => {
    const prefix = 'An earlier line.\n'
    const line = 'Word-pieces like U.S. and 1,000 keep positions.'
    const parser = new PositionedParseEnglish()
    parser.start = {line: 2, column: 1, offset: prefix.length}
    const file = prefix + line
    let leaves = 0
    visit(parser.parse(line), (node) => {
      if (!('value' in node)) return
      leaves++
      expect(file.slice(node.position!.start.offset, node.position!.end.offset)).toBe(node.value)
      expect(node.position!.start.line).toBe(2)
    })
    expect(leaves).toBeGreaterThan(10)
  })
})

describe('retextEnglishLines on a very long line', () => {
  // The seed article as one line, repeated past several stretches: cut where sentences surely end.
  const seed = readFileSync(new URL('../seeds/us-china-trade-talks.txt', import.meta.url), 'utf8').replace(/\s+/gu, ' ')
  const line = `  ${seed.repeat(Math.ceil((3 * lineStretch) / seed.length))}  `

  it('makes the tree one parse of the line makes, a stretch at a time', () => {
    expect(line.length).toBeGreaterThan(3 * lineStretch)
    const tree = unified().use(retextEnglishLines).parse(line)
    expect(JSON.parse(JSON.stringify(tree.children))).toEqual(JSON.parse(JSON.stringify(new ParseEnglish().parse(line).children)))
  })

  it('cuts nowhere parse-english keeps one sentence ("in Northants. The …")', () => {
    // Sentences ending in five-letter words give no cut until the abbreviation past the first stretch.
    const filler = 'We met there today. '.repeat(Math.ceil(lineStretch / 20) + 1)
    const long = `${filler}They met in Northants. The council agreed unanimously. ${filler}`
    const tree = unified().use(retextEnglishLines).parse(long)
    expect(JSON.parse(JSON.stringify(tree.children))).toEqual(JSON.parse(JSON.stringify(new ParseEnglish().parse(long).children)))
  })
})
