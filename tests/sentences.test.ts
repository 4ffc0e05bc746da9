import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import retextEnglishLines from '../pipeline/parse/index.ts'
import retextNewsSentences from '../pipeline/sentences/index.ts'

const lines = unified().use(retextEnglishLines).use(retextNewsSentences)
const plain = unified().use(retextEnglish).use(retextNewsSentences)

function sentences(processor: typeof lines | typeof plain, text: string): string[] {
  const tree = processor.runSync(processor.parse(text)) as Root
  const found: string[] = []
  visit(tree, 'SentenceNode', (sentence) => {
    const start = sentence.position!.start.offset!
    const end = sentence.position!.end.offset!
    expect(text.slice(start, end)).toBe(toString(sentence))
    found.push(toString(sentence))
  })
  return found
}

/** [input, expected sentences]: cases parse-english alone gets wrong, and ones it must keep right. */
const cases: Array<[string, string[]]> = [
  // Numbers ending a sentence.
  ['Prices rose to 12. Analysts expect more.', ['Prices rose to 12.', 'Analysts expect more.']],
  ['Growth slowed to 2.5. Economists were surprised.', ['Growth slowed to 2.5.', 'Economists were surprised.']],
  ['The index fell 340. It was the worst day since March.', ['The index fell 340.', 'It was the worst day since March.']],
  // A day before an abbreviated month is a date (day-first, as European copy writes it); before a month name it can end.
  ['The accord was signed on 5. Okt. 1999 in Vienna.', ['The accord was signed on 5. Okt. 1999 in Vienna.']],
  ['Am 13. Jän. 2006 war es regnerisch.', ['Am 13. Jän. 2006 war es regnerisch.']],
  ['Der Vertrag vom 1. Jan. 1999 gilt.', ['Der Vertrag vom 1. Jan. 1999 gilt.']],
  // The price, rare in news: a sentence opening on an abbreviated date right after a number stays joined.
  ['The tally rose to 12. Oct. 5 is the deadline.', ['The tally rose to 12. Oct. 5 is the deadline.']],
  ['The tally rose to 12. January was worse.', ['The tally rose to 12.', 'January was worse.']],
  // Initialisms ending a sentence before a common opener, and not before a name.
  ['He moved to the U.S. Last year he became a citizen.', ['He moved to the U.S.', 'Last year he became a citizen.']],
  ['The meeting ends at 5 p.m. The vote follows.', ['The meeting ends at 5 p.m.', 'The vote follows.']],
  // A time of day before a title ends the sentence, unless the sentence so far only says when.
  ['The vote closed at 6 P.M. Mr. Lee then spoke.', ['The vote closed at 6 P.M.', 'Mr. Lee then spoke.']],
  ['Polls open at 7 a.m. Gov. Hochul will vote first.', ['Polls open at 7 a.m.', 'Gov. Hochul will vote first.']],
  ['The hearing ran past 11 A.M. Dr. Fauci testified next.', ['The hearing ran past 11 A.M.', 'Dr. Fauci testified next.']],
  ['At 5 a.m. Mr. Smith went to the bank.', ['At 5 a.m. Mr. Smith went to the bank.']],
  ['On Tuesday at 9 p.m. Sen. Warren spoke.', ['On Tuesday at 9 p.m. Sen. Warren spoke.']],
  ['Voting ends at 8 p.m. Tuesday.', ['Voting ends at 8 p.m. Tuesday.']],
  ['The U.S. Senate voted on Tuesday.', ['The U.S. Senate voted on Tuesday.']],
  ['Officials in the U.K. Treasury disagreed.', ['Officials in the U.K. Treasury disagreed.']],
  // Single initials.
  ['Donald J. Trump spoke on Friday.', ['Donald J. Trump spoke on Friday.']],
  ['Patients need vitamin C. The doctor agreed.', ['Patients need vitamin C.', 'The doctor agreed.']],
  // Abbreviations parse-english does not know.
  ['The team is ranked No. 1 in the league.', ['The team is ranked No. 1 in the league.']],
  // After "No." or "Fig." the number is joined, and can still end the sentence.
  ['It is filed as No. 2017.553.1. The court has not ruled.', ['It is filed as No. 2017.553.1.', 'The court has not ruled.']],
  ['The case, No. 17.553.1, is pending.', ['The case, No. 17.553.1, is pending.']],
  ['It was docketed as No. 12. Officials declined to comment.', ['It was docketed as No. 12.', 'Officials declined to comment.']],
  ['He is ranked No. 1. His rival is No. 2.', ['He is ranked No. 1.', 'His rival is No. 2.']],
  ['The data are in Fig. 3. The chart shows a decline.', ['The data are in Fig. 3.', 'The chart shows a decline.']],
  ['The final was Spain vs. Germany in Berlin.', ['The final was Spain vs. Germany in Berlin.']],
  ['See Fig. 3 for the full series.', ['See Fig. 3 for the full series.']],
  ['The plant makes approx. 300 cars a day.', ['The plant makes approx. 300 cars a day.']],
  ['Acme Corp. said profits rose.', ['Acme Corp. said profits rose.']],
  ['Shares of Acme Corp. The company declined to comment.', ['Shares of Acme Corp.', 'The company declined to comment.']],
  ['The vote is set for Jan. 12 in Paris.', ['The vote is set for Jan. 12 in Paris.']],
  ['Gen. Milley and Sen. Warren met Supt. Jones.', ['Gen. Milley and Sen. Warren met Supt. Jones.']],
  // Photo credits and headlines that run on without a full stop.
  ['Firefighters at the scene in Lyon Photo: Jean Dupont.', ['Firefighters at the scene in Lyon', 'Photo: Jean Dupont.']],
  ['Storm damage in the north In the capital, schools closed on Monday.', ['Storm damage in the north', 'In the capital, schools closed on Monday.']],
  ['Monday, March 2, 2026 On Sunday, voters went to the polls.', ['Monday, March 2, 2026', 'On Sunday, voters went to the polls.']],
  ['The report was published In Focus magazine.', ['The report was published In Focus magazine.']],
  // A quote introduced by "said" or a colon stays whole; a standing quote does not.
  ['The mayor said "The roads are closed. Stay home." Crews worked overnight.', ['The mayor said "The roads are closed. Stay home."', 'Crews worked overnight.']],
  ['She wrote: “We lost. We will be back.”', ['She wrote: “We lost. We will be back.”']],
  ['“We lost. We will be back.” The team left.', ['“We lost.', 'We will be back.”', 'The team left.']],
  // Short asides in parentheses; a whole sentence in them still ends.
  ['The index (see p. 4. Fig. 2) rose.', ['The index (see p. 4. Fig. 2) rose.']],
  ['(This is a rather long sentence inside a parenthesis. Another one follows it here.)', ['(This is a rather long sentence inside a parenthesis.', 'Another one follows it here.)']],
  // A parenthetical citation after a quote stays in the quote's sentence; a parenthesized sentence does not.
  ['"It will pass," he wrote (Smith 55).', ['"It will pass," he wrote (Smith 55).']],
  ['He wrote, "It will pass." (Smith 55). Then he left.', ['He wrote, "It will pass." (Smith 55).', 'Then he left.']],
  ['The senator called it “a disgrace.” (Congressional Record, p. 4). Aides disagreed.', ['The senator called it “a disgrace.” (Congressional Record, p. 4).', 'Aides disagreed.']],
  ['She said, “We will win.” (Reuters)', ['She said, “We will win.” (Reuters)']],
  ['“We will win.” (He did not.) The count began.', ['“We will win.”', '(He did not.)', 'The count began.']],
  // A name signing the quote before it; a quote mark left behind by the parser.
  ['We will never give up. Nelson Mandela', ['We will never give up. Nelson Mandela']],
  ['He said “It is over.“ Then he left.', ['He said “It is over.“', 'Then he left.']],
  // A quoted question or exclamation and its short speech tag are one sentence.
  ['“Does he not understand?” Biden said. He left.', ['“Does he not understand?” Biden said.', 'He left.']],
  ['“Why now?” It was a fair question.', ['“Why now?”', 'It was a fair question.']],
  // Ellipses: spaced after a word they omit words inside the sentence; after a full stop the sentence has ended.
  ["I wasn't really ... well, what I mean . . . I didn't mean it.", ["I wasn't really ... well, what I mean . . . I didn't mean it."]],
  ['The minister said the deal was . . . Beijing would not sign it.', ['The minister said the deal was . . . Beijing would not sign it.']],
  ['The plan was not abandoned. . . . The practice went on.', ['The plan was not abandoned. . . .', 'The practice went on.']],
  ['Exports would fall . . . . Next year will be worse.', ['Exports would fall . . . .', 'Next year will be worse.']],
  ['The tariffs stayed.... Talks resumed in May.', ['The tariffs stayed....', 'Talks resumed in May.']],
  ['He paused... Then he left.', ['He paused...', 'Then he left.']],
  // An ellipsis opening a sentence stays with it.
  ['... and then it ended.', ['... and then it ended.']],
  ['. . . and then the talks ended.', ['. . . and then the talks ended.']],
  ['The talks stalled. ... And then they ended.', ['The talks stalled.', '... And then they ended.']],
  ['The talks stalled. ...and then they ended.', ['The talks stalled.', '...and then they ended.']],
  ['Trade grew in the U.S. ... and in Canada.', ['Trade grew in the U.S. ... and in Canada.']],
  ['He said: "We stalled. ... And then it ended."', ['He said: "We stalled. ... And then it ended."']],
  // Words parse-english takes for abbreviations ("in." for inches).
  ['The Air Force was called in. What happened next is unclear.', ['The Air Force was called in.', 'What happened next is unclear.']],
  ['The pipe is 6 in. wide.', ['The pipe is 6 in. wide.']],
  // Inline lists: each item is a sentence opened by its marker; the lead-in is one too.
  ['The plan has three parts: 1) a tariff freeze 2) purchases 3) talks.', ['The plan has three parts:', '1) a tariff freeze', '2) purchases', '3) talks.']],
  ['Beijing offered two things: 1.) soybean purchases 2.) market access.', ['Beijing offered two things:', '1.) soybean purchases', '2.) market access.']],
  ['1.) The tariff freeze holds. 2.) Talks resume in May.', ['1.) The tariff freeze holds.', '2.) Talks resume in May.']],
  ['The agenda: 1. Tariffs on steel 2. Farm purchases 3. Next steps', ['The agenda:', '1. Tariffs on steel', '2. Farm purchases', '3. Next steps']],
  ['The bill has three aims: a. raise the cap b. cut fees c. end the program.', ['The bill has three aims:', 'a. raise the cap', 'b. cut fees', 'c. end the program.']],
  ['Voters were asked: (a) whether to leave (b) when.', ['Voters were asked:', '(a) whether to leave', '(b) when.']],
  ['The court found: i) no fraud ii) no harm iii) no case.', ['The court found:', 'i) no fraud', 'ii) no harm', 'iii) no case.']],
  ['The ballot names two men: I. Smith II. Jones', ['The ballot names two men:', 'I. Smith', 'II. Jones']],
  ['• 9. Tariffs stay • 10. Talks go on', ['• 9. Tariffs stay', '• 10. Talks go on']],
  ['⁃9. Tariffs stay ⁃10. Talks go on', ['⁃9. Tariffs stay', '⁃10. Talks go on']],
  ['• 9. The last item is a pledge to buy more soybeans.', ['• 9. The last item is a pledge to buy more soybeans.']],
  ['⁃ 4. Talks resume in May.', ['⁃ 4. Talks resume in May.']],
  ['Item 9. The last item is a pledge.', ['Item 9.', 'The last item is a pledge.']],
  // Not a list: markers that do not count on from a sentence's start or a colon, initials, a quoted list.
  ['The bill would a. raise the cap b. cut fees.', ['The bill would a. raise the cap b. cut fees.']],
  ['J. K. Rowling wrote the book.', ['J. K. Rowling wrote the book.']],
  ['Paragraphs (1) and (2) of the order apply.', ['Paragraphs (1) and (2) of the order apply.']],
  ['He won 1. She won 2. They lost.', ['He won 1.', 'She won 2.', 'They lost.']],
  ['He listed "the sins: a) leaving the church b) speaking out."', ['He listed "the sins: a) leaving the church b) speaking out."']],
  // Things that must stay as they are.
  ['Mr. Smith said so. Dr. Jones agreed.', ['Mr. Smith said so.', 'Dr. Jones agreed.']],
  ['“We won,” he said. “It was hard.”', ['“We won,” he said.', '“It was hard.”']],
  ['Is it over? Nobody knows!', ['Is it over?', 'Nobody knows!']],
  ['1. Introduction of the bill', ['1. Introduction of the bill']]
]

describe('retextNewsSentences', () => {
  it.each(cases)('%s', (input, expected) => {
    expect(sentences(lines, input)).toEqual(expected)
  })

  it('works after plain retext-english too', () => {
    expect(sentences(plain, 'Prices rose to 12. Analysts see No. 1 firms in the U.S. Last year was worse.')).toEqual([
      'Prices rose to 12.',
      'Analysts see No. 1 firms in the U.S.',
      'Last year was worse.'
    ])
  })

  it('splits a list written one item a line inside one paragraph', () => {
    expect(sentences(plain, 'The deal has three parts:\n1) a tariff freeze\n2) soybean purchases\n3) new talks.')).toEqual([
      'The deal has three parts:',
      '1) a tariff freeze',
      '2) soybean purchases',
      '3) new talks.'
    ])
  })
})

describe('retextEnglishLines', () => {
  it('makes every line a paragraph, with positions in the original text', () => {
    const text = 'First line. Still first.\nSecond line\r\n\r\nThird, after a blank line.\n'
    const tree = lines.parse(text) as Root
    const paragraphs = tree.children.filter((child) => child.type === 'ParagraphNode')
    expect(paragraphs.map((paragraph) => toString(paragraph))).toEqual([
      'First line. Still first.',
      'Second line',
      'Third, after a blank line.'
    ])
    expect(paragraphs.map((paragraph) => paragraph.position!.start)).toEqual([
      {line: 1, column: 1, offset: 0},
      {line: 2, column: 1, offset: 25},
      {line: 4, column: 1, offset: 40}
    ])
    expect(toString(tree)).toBe(text)
  })

  it('gives words of several pieces on later lines their place in the file, pieces and all', () => {
    const text = 'First line.\r\nThe U.S. paid $1,000.\nIt’s e-mail, and/or more.'
    const tree = lines.parse(text) as Root
    const words: Array<[string, number, number]> = []
    visit(tree, 'WordNode', (word) => {
      if (word.children.length < 2) return
      words.push([toString(word), word.position!.start.line, word.position!.start.offset!])
      for (const piece of word.children) {
        expect(text.slice(piece.position!.start.offset, piece.position!.end.offset)).toBe(piece.value)
        expect(piece.position!.start.line).toBe(word.position!.start.line)
      }
    })
    // parse-english keeps "1" and "," apart, and the full stop with "000".
    expect(words).toEqual([
      ['U.S.', 2, 17],
      ['000.', 2, 30],
      ['It’s', 3, 35],
      ['e-mail', 3, 40]
    ])
  })

  it('keeps leading white space and odd line breaks in the tree', () => {
    const text = '  Indented line.\u2028Next.\rLast.'
    const tree = lines.parse(text) as Root
    expect(toString(tree)).toBe(text)
    visit(tree, (node) => {
      if (node.position && 'value' in node) {
        expect(text.slice(node.position.start.offset, node.position.end.offset)).toBe(node.value)
      }
    })
  })
})
