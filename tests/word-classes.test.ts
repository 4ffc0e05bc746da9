import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildWordClasses, outputFile, wordnetDictFolder} from '../pipeline/attribution-model/word-classes-build.ts'
import {WordClasses} from '../pipeline/attribution-model/word-classes.ts'

const classes = WordClasses.load()
const namesOf = (word: string): string[] => classes.classesOf(word).map((id) => classes.names[id]!)

describe('the word classes of a token', () => {
  // Inflected forms as they stand in articles, with every class their lemmas have.
  const table: Array<[string, string[]]> = [
    ['blasted', ['adj.all', 'verb.change', 'verb.communication', 'verb.competition', 'verb.contact', 'verb.creation', 'verb.motion', 'verb.perception']],
    ['released', ['verb.body', 'verb.change', 'verb.communication', 'verb.contact', 'verb.creation', 'verb.possession', 'verb.social']],
    // An irregular form, through verb.exc: said → say (and the adjective "said").
    ['said', ['adj.all', 'verb.communication', 'verb.stative']],
    ['told', ['verb.cognition', 'verb.communication']],
    ['thinks', ['noun.cognition', 'verb.change', 'verb.cognition', 'verb.creation']],
    ['believes', ['verb.cognition']],
    ['quipped', ['verb.communication']],
    ['warned', ['verb.communication']],
    ['officials', ['noun.person']],
    ['spokeswoman', ['noun.person']],
    // Irregular plurals, through noun.exc: children → child, men → man.
    ['children', ['noun.person']],
    ['men', ['noun.group', 'noun.person']],
    ['statement', ['noun.communication']],
    ['ministry', ['noun.act', 'noun.group']],
    ['reportedly', ['adv.all']],
    ['the', []],
    ['of', []]
  ]
  it.each(table)('%s', (word, expected) => {
    expect(namesOf(word)).toEqual(expected)
  })

  it('takes a verb rule only for a verb lemma: "news" is not the adjective "new"', () => {
    expect(namesOf('news')).toEqual(['noun.attribute', 'noun.communication'])
  })

  it('answers the same frozen array again, and one shared empty array for no classes', () => {
    expect(classes.classesOf('said')).toBe(classes.classesOf('said'))
    expect(classes.classesOf('the')).toBe(classes.classesOf('qqqq'))
    expect(Object.isFrozen(classes.classesOf('said'))).toBe(true)
  })

  it('keeps its memo bounded', () => {
    for (let index = 0; index < 60_000; index++) classes.classesOf(`x${index}`)
    expect(classes['memo'].size).toBeLessThanOrEqual(50_000)
    expect(namesOf('quipped')).toEqual(['verb.communication'])
  })

  it('is loaded once per file', () => {
    expect(WordClasses.load()).toBe(classes)
  })
})

describe('data/word-classes.json', () => {
  const text = readFileSync(outputFile, 'utf8')
  const file = JSON.parse(text) as {header: {counts: {lemmas: number}; licence: string[]}; classes: string[]; lemmas: Record<string, number[]>; exceptions: Record<string, Record<string, string[]>>}

  it('has each lemma once, in order, with sorted class ids that exist', () => {
    // JSON.parse keeps the last of two equal keys: read the lemma lines themselves.
    const body = text.slice(text.indexOf('"lemmas": {\n') + 12, text.indexOf('\n},\n"exceptions"'))
    const lemmas = body.split('\n').map((line) => Object.entries(JSON.parse(`{${line.replace(/,$/u, '')}}`) as Record<string, number[]>)[0]!)
    const words = lemmas.map(([lemma]) => lemma)
    expect(new Set(words).size).toBe(words.length)
    expect(words).toEqual([...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(words.length).toBe(file.header.counts.lemmas)
    expect(words.length).toBe(Object.keys(file.lemmas).length)
    const wrong = lemmas.filter(([lemma, ids]) => lemma !== lemma.toLowerCase() || lemma.includes('_') || ids.length === 0 || ids.some((id, index) => !Number.isInteger(id) || id < 0 || id >= file.classes.length || (index > 0 && id <= ids[index - 1]!)))
    expect(wrong).toEqual([])
  })

  it('names its classes once, and its exceptions point at lemmas', () => {
    expect(new Set(file.classes).size).toBe(file.classes.length)
    for (const [pos, exceptions] of Object.entries(file.exceptions)) {
      expect(['noun', 'verb']).toContain(pos)
      for (const bases of Object.values(exceptions)) for (const base of bases) expect(file.lemmas[base], base).toBeDefined()
    }
  })

  it('carries WordNet’s licence', () => {
    expect(file.header.licence.join('\n')).toContain('WordNet 3.1 Copyright 2011 by Princeton University.  All rights reserved.')
    expect(file.header.licence.join('\n')).toContain('THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS"')
  })

  it('is what the build makes of WordNet, byte for byte', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'word-classes-'))
    try {
      const rebuilt = path.join(folder, 'word-classes.json')
      writeFileSync(rebuilt, buildWordClasses(wordnetDictFolder()))
      expect(readFileSync(rebuilt).equals(readFileSync(outputFile))).toBe(true)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
