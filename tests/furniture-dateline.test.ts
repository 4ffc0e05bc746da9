import {describe, expect, it} from 'vitest'
import {analyze} from './helpers.ts'

const datelines: Array<[string, string | null, string]> = [
  ['BEIJING — China is counting on purchases.', 'BEIJING', 'China is counting on purchases.'],
  ['WASHINGTON, D.C. – Lawmakers met on Friday.', 'WASHINGTON, D.C.', 'Lawmakers met on Friday.'],
  ['NEW YORK (Reuters) - Stocks fell on Monday.', 'NEW YORK', 'Stocks fell on Monday.'],
  ['SAN FRANCISCO -- The company said profits rose.', 'SAN FRANCISCO', 'The company said profits rose.'],
  ['China is counting on purchases — of chips.', null, 'China is counting on purchases — of chips.'],
  ['NATO — the alliance — met today.', null, 'NATO — the alliance — met today.'],
  ['The U.S. — and China — met.', null, 'The U.S. — and China — met.']
]

describe('retextDateline', () => {
  it.each(datelines)('%s', (text, place, firstBody) => {
    const {annotation} = analyze(text)
    expect(annotation.article.dateline?.text ?? null).toBe(place)
    const body = annotation.sentences.filter((sentence) => sentence.kind === 'body')
    expect(body[0]!.text).toBe(firstBody)
    if (place) {
      expect(annotation.sentences[0]!.kind).toBe('dateline')
      expect(text.slice(annotation.article.dateline!.start, annotation.article.dateline!.end)).toBe(place)
    }
  })

  it('looks at the first paragraph only', () => {
    const {annotation} = analyze('Stocks fell.\nLONDON — Shares rose.')
    expect(annotation.article.dateline).toBeNull()
  })
})

describe('retextFurniture', () => {
  const body = 'Officials met on Monday to discuss the budget, people familiar with the talks said.'

  it('keeps a body-only article free of furniture', () => {
    const {annotation} = analyze(`${body}\nThe talks continue.`)
    expect(annotation.sentences.map((sentence) => sentence.kind)).toEqual(['body', 'body'])
  })

  const cases: Array<[string, string[]]> = [
    ['Write to Jane Doe at jane.doe@example.com', ['promo']],
    ['Copyright 2026 Example News. All rights reserved.', ['promo', 'promo']],
    ['Related:\nBudget talks stall again\nWhat the deal means for you', ['navigation', 'related-headline', 'related-headline']],
    ['Most read on Example.com:\nA headline', ['navigation', 'related-headline']],
    ['Sign up for our morning newsletter.', ['newsletter']],
    ['Get the news delivered to your inbox every day.', ['newsletter']]
  ]

  it.each(cases)('%j', (furniture, kinds) => {
    const {annotation} = analyze(`${body}\n${furniture}`)
    const [first, ...rest] = annotation.sentences
    expect(first!.kind).toBe('body')
    expect(first!.attributions).toHaveLength(1)
    expect(rest.map((sentence) => sentence.furniture)).toEqual(kinds)
    expect(rest.every((sentence) => sentence.attributions.length === 0)).toBe(true)
  })

  it('ends a headline list at a long paragraph, and marks what follows an end-of-article promo', () => {
    const long = 'The minister said in a long statement on Tuesday that the government would review every contract signed in the past decade, including those with foreign firms, and publish the results before the end of the year.'
    const {annotation} = analyze(`${body}\nRelated:\nA short headline\n${long}\nAn expanded version of this story appears on Example.com.\nSome closing line.`)
    expect(annotation.sentences.map((sentence) => sentence.furniture ?? sentence.kind)).toEqual([
      'body',
      'navigation',
      'related-headline',
      'body',
      'promo',
      'trailer'
    ])
  })

  it('reads a paragraph of prose after an end-of-article promo as body again: a file can hold several articles', () => {
    const next = 'The central bank raised its main interest rate by a quarter of a point on Thursday, its third increase this year, and said further rises were likely if prices kept climbing, officials said.'
    const {annotation} = analyze(`${body}\nWrite to Jane Doe at jane.doe@example.com\nPrinted in the morning edition\n${next}\nCopyright 2026 Example News.\nA closing line.`)
    expect(annotation.sentences.map((sentence) => sentence.furniture ?? sentence.kind)).toEqual(['body', 'promo', 'trailer', 'body', 'promo', 'trailer'])
    expect(annotation.sentences[3]!.attributions).toHaveLength(1)
  })

  const notes: Array<[string, string[]]> = [
    ["Editor's note: This article has been updated to correct the name of the ministry.", ['editors-note']],
    ['Editor’s Note: The following is an excerpt from a new book.', ['editors-note']],
    ['Editors’ note: An earlier version of this story misstated the date.', ['editors-note']]
  ]

  it.each(notes)('marks an editors’ note, which does not end the article: %j', (note, kinds) => {
    const {annotation} = analyze(`${note}\n${body}\nThe talks continue.`)
    expect(annotation.sentences.map((sentence) => sentence.furniture ?? sentence.kind)).toEqual([...kinds, 'body', 'body'])
  })

  it('keeps a long paragraph that mentions signing up as body text', () => {
    const long = 'When the company asked its staff in June to sign up for an optional pay cut to avoid layoffs, about eight in ten of them agreed, the union said on Friday.'
    const {annotation} = analyze(`${body}\n${long}\nSign up for our newsletter.`)
    expect(annotation.sentences.map((sentence) => sentence.furniture ?? sentence.kind)).toEqual(['body', 'body', 'newsletter'])
  })

  it('ends a headline list at a long paragraph that mentions a sign-up, and keeps what follows as body', () => {
    const signUp = 'Want the news that matters delivered to your inbox each morning? Subscribe to the Daily Brief newsletter, it is free and takes seconds.'
    const {annotation} = analyze(`${body}\nAlso popular on Example.com:\nSenate passes the budget bill\n${signUp}\nThe governor said she disagreed.`)
    expect(annotation.sentences.map((sentence) => sentence.furniture ?? sentence.kind)).toEqual([
      'body',
      'navigation',
      'related-headline',
      'body',
      'body',
      'body'
    ])
  })

  it('never offers furniture as a claim, even with a cue in it', () => {
    const {annotation} = analyze(`${body}\nAlso popular on Example.com:\nThe president said he would veto the bill.`)
    expect(annotation.sentences.at(-1)).toMatchObject({kind: 'furniture', furniture: 'related-headline', attributions: []})
  })
})
