import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lineSections} from '../pipeline/parse/index.ts'
import {annotate, createAnnotator} from '../pipeline/processor.ts'

const annotator = createAnnotator()
const seed = readFileSync(new URL('../seeds/us-china-trade-talks.txt', import.meta.url), 'utf8')
const fixture = readFileSync(new URL('fixtures/articles/senate-budget-vote/article.txt', import.meta.url), 'utf8')

describe('lineSections', () => {
  const cases: Array<{name: string; value: string; size: number; expected: Array<[number, number, number]>}> = [
    {name: 'one section when short', value: 'a\nb\n', size: 100, expected: [[0, 4, 1]]},
    {name: 'every line when size is 1', value: 'ab\ncd\nef', size: 1, expected: [[0, 3, 1], [3, 6, 2], [6, 8, 3]]},
    {name: 'a section ends after the break that reaches the size', value: 'ab\ncd\nef\ngh\n', size: 5, expected: [[0, 6, 1], [6, 12, 3]]},
    {name: 'CRLF is one break', value: 'ab\r\ncd\r\n', size: 1, expected: [[0, 4, 1], [4, 8, 2]]},
    {name: 'blank lines go with the lines after them', value: 'ab\n\n\ncd', size: 3, expected: [[0, 3, 1], [3, 7, 2]]},
    {name: 'a long line is a section of its own', value: 'abcdefghij\nk', size: 4, expected: [[0, 11, 1], [11, 12, 2]]},
    {name: 'empty text has none', value: '', size: 4, expected: []}
  ]
  for (const {name, value, size, expected} of cases) {
    it(name, () => {
      const sections = lineSections(value, size)
      expect(sections.map((section) => [section.start, section.end, section.line])).toEqual(expected)
      // The sections tile the text.
      expect(sections.map((section) => value.slice(section.start, section.end)).join('')).toBe(value)
    })
  }
})

describe('annotating a long article a section at a time', () => {
  // A dateline-shaped line, a promo followed by body text (a trailer), and lists of related headlines
  // fall at section boundaries when every line is a section of its own.
  const body = seed.split('\n').slice(0, 4).join('\n')
  const article = [
    body,
    // Without its last line, a promo ("Write to …") after which all is trailer.
    fixture.trim().split('\n').slice(0, -1).join('\n'),
    'WASHINGTON — Senators returned to the chamber on Friday, aides said.',
    // A pronoun source in the section after its person's.
    'Sen. Patty Murray opposed the package on Thursday.',
    '“It leaves out farmers in the Northwest,” she said.',
    // "He" opening a sentence is a pronoun, not a surname to look for in later sections.
    'Sen. John Thune spoke to reporters on Monday.',
    'He said the vote would be close.',
    'He called it a test of the party.',
    '“We will see,” he said.',
    'Also popular on WSJ.com:',
    'Airbus to retire the A380, the superjumbo that never quite took off.',
    'Venezuela’s Maduro shows no sign of leaving. Now what?',
    // Over 30 words: the list of headlines ends here.
    '“We will not accept it, and we will not sign anything that leaves our farmers and our factories worse off than they were before these talks began last spring,” the minister said on Thursday in Beijing.',
    '',
    seed.trim(),
    'Subscribe to our newsletter for more.',
    'The talks resumed on Monday, officials said.'
  ].join('\n')

  const run = (size: number): {yaml: string; messages: string[]} => {
    const file = new VFile({path: 'seeds/long.txt', value: article})
    const yaml = annotate(annotator, file, 'text', size)
    return {yaml, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)}
  }
  const whole = run(Number.POSITIVE_INFINITY)

  for (const size of [1, 40, 700, 4000]) {
    it(`gives the same YAML and messages in sections of ${size} characters`, () => {
      const sectioned = run(size)
      expect(sectioned.yaml).toBe(whole.yaml)
      expect(sectioned.messages).toEqual(whole.messages)
    })
  }

  it('gives the same YAML in sections when lines end in CRLF', () => {
    const crlf = article.replace(/\n/gu, '\r\n')
    const once = annotate(annotator, new VFile({path: 'seeds/long.txt', value: crlf}), 'text', Number.POSITIVE_INFINITY)
    for (const size of [1, 300]) {
      expect(annotate(annotator, new VFile({path: 'seeds/long.txt', value: crlf}), 'text', size)).toBe(once)
    }
    expect(once).toContain('refers_to: {text: "Sen. Patty Murray"')
  })

  it('finds the dateline after blank lines, and keeps a headline list across a NEL line, in sections', () => {
    const odd = ['', '   ', body, 'Also popular on WSJ.com:', 'Airbus to retire the A380.', '\u0085', 'Venezuela’s Maduro shows no sign of leaving.', 'Talks resumed on Monday, officials said.'].join('\n')
    const once = annotate(annotator, new VFile({path: 'seeds/odd.txt', value: odd}), 'text', Number.POSITIVE_INFINITY)
    expect(once).toContain('dateline: {text: "BEIJING"')
    expect(once.match(/furniture: related-headline/gu)).toHaveLength(3)
    for (const size of [1, 2]) {
      expect(annotate(annotator, new VFile({path: 'seeds/odd.txt', value: odd}), 'text', size)).toBe(once)
    }
  })

  it('keeps prose after an article’s end as body across sections, and what follows it', () => {
    const prose = 'The central bank raised its main interest rate by a quarter of a point on Thursday, its third increase this year, and said further rises were likely if prices kept climbing, officials said.'
    const several = [body, 'Write to Jane Doe at jane.doe@example.com', 'Printed in the morning edition', prose, 'Markets fell on the news, traders said.'].join('\n')
    const once = annotate(annotator, new VFile({path: 'seeds/several.txt', value: several}), 'text', Number.POSITIVE_INFINITY)
    expect(once.match(/furniture: trailer/gu)).toHaveLength(1)
    expect(once).toContain('text: "traders"')
    for (const size of [1, 200]) {
      expect(annotate(annotator, new VFile({path: 'seeds/several.txt', value: several}), 'text', size)).toBe(once)
    }
  })

  it('finds what the article holds, so the comparison means something', () => {
    expect(whole.yaml).toContain('dateline: {text: "BEIJING"')
    expect(whole.yaml).toContain('furniture: trailer')
    expect(whole.yaml).toContain('furniture: related-headline')
    expect(whole.yaml.match(/kind: dateline/gu)?.length).toBe(1)
    expect(whole.yaml).toContain('text: "aides"')
    expect(whole.yaml).toContain('refers_to: {text: "Sen. Patty Murray"')
    expect(whole.yaml).toContain('text: "the minister"')
    expect(whole.messages.length).toBeGreaterThan(4)
  })

  it('leaves the file value as the YAML, as processSync does', () => {
    const file = new VFile({path: 'seeds/long.txt', value: article})
    const yaml = annotate(annotator, file, 'text', 500)
    expect(String(file.value)).toBe(yaml)
    expect(file.data.section).toBeUndefined()
    expect(file.data.annotation?.counts.sentences).toBeGreaterThan(30)
  })
})

describe('annotating a long Markdown or HTML article a section of blocks at a time', async () => {
  const {loadMarkupParsers} = await import('../pipeline/processor.ts')
  await loadMarkupParsers()
  const lines = seed.trim().split('\n').filter((line) => line.trim() !== '')
  // The seed's body, before its furniture (after which all is trailer).
  const bodyLines = lines.slice(0, 4)
  const escape = (line: string): string => line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')
  // Headings and navigation before the body (the dateline is looked for past them), quotes,
  // lists, code and character references, and the seed twice so every kind falls at a boundary.
  const markdown = [
    '# U.S. and China resume talks',
    ...bodyLines,
    '- [Home](/) - [World](/world)',
    '```\nnot = "prose. At all"\n```',
    '> “It leaves out farmers in the Northwest,” she said.',
    'Sen. Patty Murray opposed the package on Thursday.',
    '“It leaves out farmers &amp; ranchers,” she said.',
    ...lines
  ].join('\n\n')
  const html = [
    '<!doctype html><html><head><title>U.S. and China resume talks</title></head><body>',
    '<nav><a href="/">Home</a> <a href="/world">World</a></nav>',
    '<h1>U.S. and China resume talks</h1>',
    '<article>',
    ...bodyLines.map((line) => `<p>${escape(line)}</p>`),
    '<div><p>Sen. Patty Murray opposed the package on Thursday.</p><p>“It leaves out farmers &amp; ranchers,” she said.</p></div>',
    '<!-- a comment -->',
    '<aside class="related">Related: markets fall</aside>',
    ...lines.map((line) => `<p>${escape(line)}</p>`),
    '</article><footer>© The paper</footer></body></html>'
  ].join('\n')
  const cases: Array<['markdown' | 'html', string]> = [
    ['markdown', markdown],
    ['html', html]
  ]

  for (const [format, value] of cases) {
    const markupAnnotator = createAnnotator(format)
    const path = format === 'markdown' ? 'seeds/long.md' : 'seeds/long.html'
    const run = (size: number): string => annotate(markupAnnotator, new VFile({path, value}), format, size)
    const whole = run(Number.POSITIVE_INFINITY)

    it(`${format}: finds what the article holds, so the comparison means something`, () => {
      expect(whole).toContain('dateline: {text: "BEIJING"')
      expect(whole).toContain('kind: heading')
      expect(whole).toContain('refers_to: {text: "Sen. Patty Murray"')
      expect(whole.match(/kind: dateline/gu)).toHaveLength(1)
    })

    for (const size of [1, 300, 2000]) {
      it(`${format}: gives the same YAML in sections of ${size} characters`, () => {
        expect(run(size)).toBe(whole)
      })
    }
  }
})

describe('Markdown and HTML that once read differently in sections', async () => {
  const {loadMarkupParsers} = await import('../pipeline/processor.ts')
  await loadMarkupParsers()
  const annotators = {markdown: createAnnotator('markdown'), html: createAnnotator('html')}
  const run = (format: 'markdown' | 'html', value: string, size: number) => {
    const file = new VFile({path: format === 'html' ? 'seeds/case.html' : 'seeds/case.md', value})
    const yaml = annotate(annotators[format], file, format, size)
    return {yaml, annotation: file.data.annotation!}
  }
  const long = (words: number): string => Array.from({length: words}, (_, index) => (index % 12 === 11 ? 'said.' : 'word')).join(' ')
  const cases: Array<{name: string; format: 'markdown' | 'html'; value: string; sentences?: string[]; dateline?: string}> = [
    {
      name: 'white space written as a reference after another',
      format: 'html',
      value: '<p>notion, &amp; in fact may be fueling it. In &nbsp;the of the New York Times portrayed himself</p>',
      sentences: ['notion, & in fact may be fueling it.', 'In \u00a0the of the New York Times portrayed himself']
    },
    {
      name: 'CRLF line endings in HTML',
      format: 'html',
      value: '<p>Intro.</p>\r\n<p>More care, or &nbsp;the economy, Mr.\r\nObama believes his efforts will be the legacy.</p>',
      sentences: ['Intro.', 'More care, or \u00a0the economy, Mr.\nObama believes his efforts will be the legacy.']
    },
    {
      name: 'a script beside the first paragraph',
      format: 'html',
      value: '<div><script></script> <p>WASHINGTON — The senator said on Monday that taxes would rise.</p></div>',
      dateline: 'WASHINGTON'
    },
    {
      name: 'a paragraph HTML moves before its table',
      format: 'html',
      value: '<table><p>Foster text, he said.</p><tr><td>Cell text, she said.</td></tr></table>',
      sentences: ['Foster text, he said.', 'Cell text, she said.']
    },
    {
      name: 'a container hast-util-to-nlcst ignores',
      format: 'html',
      value: '<p>Intro, he said.</p><div data-nlcst="ignore"><p>Hidden text, she said.</p></div>',
      sentences: ['Intro, he said.']
    },
    {name: 'a blank page', format: 'html', value: '  \n', sentences: []},
    {name: 'a list of 400 KB', format: 'markdown', value: `Intro, officials said.\n\n${Array.from({length: 1600}, () => `- ${long(40)}`).join('\n')}\n\nAfter the list, he said.\n`},
    {name: 'a paragraph of 500 KB', format: 'markdown', value: `# Title\n\n${long(100_000)}\n\nLast, she said.\n`},
    {name: 'a paragraph of 500 KB in HTML', format: 'html', value: `<h1>Title</h1><p>${long(100_000)}</p><p>Last, she said.</p>`}
  ]

  for (const {name, format, value, sentences, dateline} of cases) {
    it(`${name}: the same YAML whole and in sections, and spans on their text`, () => {
      const whole = run(format, value, Number.POSITIVE_INFINITY)
      expect(run(format, value, 1).yaml).toBe(whole.yaml)
      if (value.length > 1000) expect(run(format, value, 20_000).yaml).toBe(whole.yaml)
      if (sentences) expect(whole.annotation.sentences.map((sentence) => sentence.text)).toEqual(sentences)
      if (dateline) expect(whole.annotation.article.dateline?.text).toBe(dateline)
      // In these texts the file's characters between a span's ends, tags and references read, are its text.
      const read = (slice: string): string => slice.replace(/<[^>]*>/gu, '').replace(/&nbsp;/gu, '\u00a0').replace(/&amp;/gu, '&').replace(/\r\n/gu, '\n')
      for (const sentence of whole.annotation.sentences) {
        expect(read(value.slice(sentence.start.offset, sentence.end.offset))).toBe(sentence.text)
        for (const attribution of sentence.attributions) expect(read(value.slice(attribution.cue.start, attribution.cue.end))).toBe(attribution.cue.text)
      }
    })
  }
})

describe('markupSections', async () => {
  const {loadMarkupParsers} = await import('../pipeline/processor.ts')
  await loadMarkupParsers()
  const {markupSections} = await import('../pipeline/markup/index.ts')
  const paragraphs = Array.from({length: 40}, (_, index) => `Paragraph ${index} of the article, the officials said on Monday.`)
  const cases: Array<{name: string; format: 'markdown' | 'html'; value: string; expected: number}> = [
    // parse5 adds <html>, <head> and <body> without positions; the line breaks between paragraphs are blocks too.
    {name: 'an HTML page of paragraphs only', format: 'html', value: paragraphs.map((text) => `<p>${text}</p>`).join('\n'), expected: 79},
    // The part before <head>, the head, and each paragraph.
    {name: 'a full HTML page', format: 'html', value: `<html><head><title>T</title></head><body>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</body></html>`, expected: 42},
    {name: 'Markdown paragraphs', format: 'markdown', value: paragraphs.join('\n\n'), expected: 40},
    {name: 'HTML that moves a paragraph before its table', format: 'html', value: `<p>A.</p><table><p>Moved.</p><tr><td>Cell.</td></tr></table>`, expected: 1}
  ]
  for (const {name, format, value, expected} of cases) {
    it(`${name}: ${expected} sections of one block`, () => {
      const tree = createAnnotator(format).parse(new VFile({value})) as unknown as Parameters<typeof markupSections>[0]
      const sections = markupSections(tree, format, value, 1)
      expect(sections).toHaveLength(expected)
      // The sections tile the text.
      expect(sections[0]!.start).toBe(0)
      for (const [index, section] of sections.entries()) expect(section.end).toBe(sections[index + 1]?.start ?? value.length)
    })
  }
})
