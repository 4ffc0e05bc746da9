import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {Annotation, Review} from '../pipeline/annotation/model.ts'
import {createAnnotator} from '../pipeline/processor.ts'
import {readAnnotation} from '../pipeline/review/read.ts'

const annotator = createAnnotator()

/** One run of `annotate` as the CLI does it: the previous file read from disk, merged, written, read again. */
function run(text: string, previous?: Annotation): Annotation {
  const file = new VFile({path: 'seeds/story.txt', value: text})
  if (previous) file.data.previousAnnotation = previous
  const yaml = String(annotator.processSync(file).value)
  const read = readAnnotation(yaml)
  if ('problems' in read) throw new Error(JSON.stringify(read.problems))
  return read.annotation
}

function reviewed(annotation: Annotation, startsWith: string, review: Partial<Review>): Annotation {
  const sentences = annotation.sentences.map((sentence) =>
    sentence.text.startsWith(startsWith) ? {...sentence, review: {...sentence.review, ...review}} : sentence
  )
  return {...annotation, sentences}
}

const article = [
  'Officials met on Monday to discuss the budget, people familiar with the talks said.',
  'The plan would cut spending by $4 billion over two years. It faces opposition.',
  'Lawmakers will vote on Friday, the speaker said.'
].join('\n')

describe('mergeReviews', () => {
  it('keeps a review with its sentence when the sentence is unchanged', () => {
    const first = reviewed(run(article), 'The plan would cut', {status: 'verified', note: 'CBO table 2'})
    const second = run(article.replace('It faces opposition.', 'It faces stiff opposition.'), first)
    const sentence = second.sentences.find((item) => item.text.startsWith('The plan would cut'))!
    expect(sentence.review).toMatchObject({status: 'verified', note: 'CBO table 2', needsRecheck: false, previousText: null})
  })

  it('moves a review to the edited sentence, marked needs_recheck, with the text it was written for', () => {
    const first = reviewed(run(article), 'The plan would cut', {status: 'disputed', note: 'two figures'})
    const edited = article.replace('by $4 billion', 'by $5 billion')
    const second = run(edited, first)
    const sentence = second.sentences.find((item) => item.text.startsWith('The plan would cut'))!
    expect(sentence.text).toContain('$5 billion')
    expect(sentence.review).toMatchObject({
      status: 'disputed',
      note: 'two figures',
      needsRecheck: true,
      previousText: 'The plan would cut spending by $4 billion over two years.'
    })
    // A second edit keeps the text the review was first written for.
    const third = run(edited.replace('over two years', 'over three years'), second)
    expect(third.sentences.find((item) => item.text.startsWith('The plan would cut'))!.review.previousText).toBe(
      'The plan would cut spending by $4 billion over two years.'
    )
  })

  it('keeps the review of a deleted sentence under obsolete, and brings it back with the sentence', () => {
    const first = reviewed(run(article), 'Lawmakers will vote', {status: 'verified', evidence: ['https://example.org/agenda']})
    const second = run(article.split('\n').slice(0, 2).join('\n'), first)
    expect(second.obsolete).toEqual([
      {
        id: first.sentences.find((item) => item.text.startsWith('Lawmakers'))!.id,
        text: 'Lawmakers will vote on Friday, the speaker said.',
        review: expect.objectContaining({status: 'verified', evidence: ['https://example.org/agenda']})
      }
    ])
    const third = run(article, second)
    expect(third.obsolete).toEqual([])
    expect(third.sentences.find((item) => item.text.startsWith('Lawmakers'))!.review.status).toBe('verified')
  })

  it('lets an unreviewed sentence simply disappear', () => {
    const second = run(article.split('\n').slice(0, 2).join('\n'), run(article))
    expect(second.obsolete).toEqual([])
  })

  it('flags a rejected attribution that is gone, and keeps its id', () => {
    const first = run(article)
    const sentence = first.sentences.find((item) => item.text.startsWith('Lawmakers'))!
    const withRejection = reviewed(first, 'Lawmakers', {rejected: [sentence.attributions[0]!.id, 'a-00000000']})
    const second = run(article, withRejection)
    expect(second.sentences.find((item) => item.text.startsWith('Lawmakers'))!.review).toMatchObject({
      rejected: [sentence.attributions[0]!.id, 'a-00000000'],
      needsRecheck: true
    })
  })
})

describe('mergeReviews and reviewer corrections', () => {
  it('does not write again an attribution a reviewer added once the tool finds it', () => {
    const first = reviewed(run(article), 'Lawmakers will vote', {
      added: [{source: 'the speaker', cue: 'said', content: 'Lawmakers will vote on Friday', note: 'tool missed it'}]
    })
    const second = run(article, first)
    const sentence = second.sentences.find((item) => item.text.startsWith('Lawmakers'))!
    expect(sentence.attributions).toEqual([])
    expect(sentence.review.added).toHaveLength(1)
    expect(second.counts.attributions).toBe(run(article).counts.attributions - 1)
  })
})

describe('mergeReviews: corrections that settle', () => {
  const speech = 'Prices will rise by 5 percent next year, Finance Minister Jane Doe said.'

  it('keeps a rejected attribution, and its correction, without flagging them again on later runs', () => {
    const first = run(speech)
    const id = first.sentences[0]!.attributions[0]!.id
    const corrected = reviewed(first, 'Prices', {
      rejected: [id],
      added: [{source: 'Finance Minister Jane Doe', cue: 'said', content: 'Prices will rise by 5 percent', note: ''}]
    })
    const second = run(speech, corrected)
    expect(second.sentences[0]!.attributions.map((attribution) => attribution.id)).toEqual([id])
    expect(second.sentences[0]!.review.needsRecheck).toBe(false)
    expect(second.counts.attributions).toBe(first.counts.attributions)
  })

  it('keeps the tool’s attribution when the reviewer adds a different one by the same speaker', () => {
    const first = reviewed(run(speech), 'Prices', {
      added: [{source: 'Finance Minister Jane Doe', cue: 'said', content: 'wages will not keep up', note: ''}]
    })
    expect(run(speech, first).sentences[0]!.attributions).toHaveLength(1)
  })

  it('keeps a moved review, once deleted, under the id and text it last had, and brings it back with them', () => {
    const first = reviewed(run(article), 'The plan would cut', {status: 'verified'})
    const edited = article.replace('$4 billion', '$5 billion')
    const second = run(edited, first)
    const removed = run(edited.split('\n').filter((line) => !line.includes('$5 billion')).join('\n'), second)
    const moved = second.sentences.find((item) => item.text.includes('$5 billion'))!
    expect(removed.obsolete).toEqual([
      {id: moved.id, text: moved.text, review: expect.objectContaining({status: 'verified', previousText: expect.stringContaining('$4 billion')})}
    ])
    const back = run(edited, removed)
    expect(back.obsolete).toEqual([])
    expect(back.sentences.find((item) => item.text.includes('$5 billion'))!.review.status).toBe('verified')
  })

  it('clears needs_recheck when the text is edited back to what was reviewed', () => {
    const first = reviewed(run(article), 'The plan would cut', {status: 'verified'})
    const second = run(article.replace('$4 billion', '$5 billion'), first)
    const third = run(article, second)
    expect(third.sentences.find((item) => item.text.startsWith('The plan would cut'))!.review).toMatchObject({
      status: 'verified',
      needsRecheck: false,
      previousText: null
    })
  })
})

describe('mergeReviews and repeated sentences', () => {
  it('keeps each copy’s review with its own copy when another copy is deleted', () => {
    const text = ['The vote was close.', 'Officials counted twice.', 'The vote was close.', 'A recount followed.'].join('\n')
    const first = run(text)
    const [one, , two] = first.sentences
    const withReviews = {
      ...first,
      sentences: first.sentences.map((sentence) =>
        sentence === one ? {...sentence, review: {...sentence.review, note: 'FIRST copy'}} : sentence === two ? {...sentence, review: {...sentence.review, note: 'SECOND copy'}} : sentence
      )
    }
    const second = run(['Officials counted twice.', 'The vote was close.', 'A recount followed.'].join('\n'), withReviews)
    expect(second.sentences.find((sentence) => sentence.text === 'The vote was close.')!.review.note).toBe('SECOND copy')
    expect(second.obsolete.map((item) => item.review.note)).toEqual(['FIRST copy'])
  })
})

describe('mergeReviews, property: nothing a reviewer wrote is ever lost', () => {
  const words = ['budget', 'tariff', 'senate', 'court', 'river', 'market', 'school', 'vaccine', 'harbor', 'election']
  const sentence = fc
    .tuple(fc.constantFrom(...words), fc.constantFrom(...words), fc.integer({min: 1, max: 999}))
    .map(([a, b, n]) => `The ${a} report on the ${b} found ${n} cases, officials said.`)
  const step = fc.oneof(
    fc.record({kind: fc.constant('insert' as const), at: fc.nat(), text: sentence}),
    fc.record({kind: fc.constant('delete' as const), at: fc.nat()}),
    fc.record({kind: fc.constant('edit' as const), at: fc.nat(), number: fc.integer({min: 1, max: 999})}),
    fc.record({kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat()}),
    fc.record({kind: fc.constant('review' as const), at: fc.nat(), status: fc.constantFrom('verified', 'disputed', 'false', 'misleading')})
  )

  it('keeps every evidence item ever added, in place, moved or obsolete', () => {
    fc.assert(
      fc.property(fc.array(sentence, {minLength: 1, maxLength: 5}), fc.array(step, {maxLength: 14}), (initial, steps) => {
        let paragraphs = [...initial]
        let annotation = run(paragraphs.join('\n'))
        const written: string[] = []
        for (const action of steps) {
          if (action.kind === 'review') {
            if (annotation.sentences.length === 0) continue
            const index = action.at % annotation.sentences.length
            const token = `evidence-${written.length}`
            written.push(token)
            const sentences = annotation.sentences.map((item, position) =>
              position === index ? {...item, review: {...item.review, status: action.status, evidence: [...item.review.evidence, token]}} : item
            )
            annotation = {...annotation, sentences}
          } else {
            if (action.kind === 'insert') paragraphs.splice(action.at % (paragraphs.length + 1), 0, action.text)
            else if (action.kind === 'delete' && paragraphs.length > 0) paragraphs.splice(action.at % paragraphs.length, 1)
            else if (action.kind === 'edit' && paragraphs.length > 0) {
              const index = action.at % paragraphs.length
              paragraphs[index] = paragraphs[index]!.replace(/\d+/u, String(action.number))
            } else if (action.kind === 'swap' && paragraphs.length > 1) {
              const a = action.at % paragraphs.length
              const b = action.other % paragraphs.length
              ;[paragraphs[a], paragraphs[b]] = [paragraphs[b]!, paragraphs[a]!]
            }
            if (paragraphs.length === 0) paragraphs = ['A placeholder sentence stays.']
            annotation = run(paragraphs.join('\n'), annotation)
          }
          const present = [...annotation.sentences.map((item) => item.review), ...annotation.obsolete.map((item) => item.review)].flatMap(
            (review) => review.evidence
          )
          for (const token of written) expect(present).toContain(token)
          expect(new Set(present).size).toBe(present.length)
        }
      }),
      {numRuns: 60}
    )
  })
})
