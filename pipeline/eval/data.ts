import {readFile} from 'node:fs/promises'
import type {SbdCase} from './score.ts'
import type {GoldAttribution} from './score.ts'

export interface GoldArticle {
  doc_id: string
  text: string
  attributions: GoldAttribution[]
}

/** Read an SBD file: a JSON list of {id, name, input, expected}. Errors name the file and the case. */
export async function readSbd(file: string): Promise<SbdCase[]> {
  const value: unknown = JSON.parse(await readFile(file, 'utf8'))
  if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON list of {id, input, expected} cases`)
  return value.map((item: unknown, index) => {
    const record = item as Partial<SbdCase> | null
    if (!record || typeof record.input !== 'string' || !Array.isArray(record.expected)) {
      throw new Error(`${file}: case ${index + 1}: expected {id, input: string, expected: string[]}`)
    }
    return {id: record.id ?? index + 1, input: record.input, expected: record.expected.map(String)}
  })
}

/** Read an attribution JSONL file (one article a line). Errors name the file and line. */
export async function readAttributionGold(file: string): Promise<GoldArticle[]> {
  const lines = (await readFile(file, 'utf8')).split('\n')
  const articles: GoldArticle[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: Partial<GoldArticle>
    try {
      value = JSON.parse(line) as Partial<GoldArticle>
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON: ${(error as Error).message}`)
    }
    if (typeof value.text !== 'string' || !Array.isArray(value.attributions)) {
      throw new Error(`${file}:${index + 1}: expected {doc_id, text, attributions: [...]}`)
    }
    articles.push({doc_id: String(value.doc_id ?? index + 1), text: value.text, attributions: value.attributions})
  })
  return articles
}

export interface ClaimCase {
  id: string
  text: string
  label: boolean
}

/**
 * Read check-worthiness gold: ClaimBuster's JSON list of {sentence_id, label,
 * text}, or CLEF CheckThat's TSV (line, speaker, text, label per line).
 */
export async function readClaims(file: string): Promise<ClaimCase[]> {
  const content = await readFile(file, 'utf8')
  if (/\.tsv$/iu.test(file)) {
    const name = file.split(/[\\/]/u).at(-1)!
    const cases: ClaimCase[] = []
    content.split('\n').forEach((line, index) => {
      if (line.trim() === '') return
      const fields = line.split('\t')
      if (fields.length < 4) throw new Error(`${file}:${index + 1}: expected line, speaker, text and label separated by tabs`)
      const label = fields.at(-1)!.trim()
      if (!/^[01]$/u.test(label)) {
        if (index === 0) return
        throw new Error(`${file}:${index + 1}: label must be 0 or 1, not ${JSON.stringify(label)}`)
      }
      cases.push({id: `${name}:${fields[0]!.trim()}`, text: fields.slice(2, -1).join('\t'), label: label === '1'})
    })
    return cases
  }
  const value: unknown = JSON.parse(content)
  if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON list of {sentence_id, label, text}`)
  return value.map((item: unknown, index) => {
    const record = item as {sentence_id?: unknown; label?: unknown; text?: unknown} | null
    if (!record || typeof record.text !== 'string' || (record.label !== 0 && record.label !== 1)) {
      throw new Error(`${file}: item ${index + 1}: expected {sentence_id, label: 0 or 1, text}`)
    }
    return {id: String(record.sentence_id ?? index + 1), text: record.text, label: record.label === 1}
  })
}
