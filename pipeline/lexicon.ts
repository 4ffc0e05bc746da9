import {hash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {LineCounter, Node as YamlNode} from 'yaml'

// The yaml package is loaded only for a lexicon without a compiled copy, or to point at a mistake:
// cold, it takes 50 ms to load and 150 ms to parse cues.yml, at every start of every process.
const require = createRequire(import.meta.url)
let yamlModule: typeof import('yaml') | undefined
const yaml = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'))

/**
 * A lexicon file that failed to load or to validate. The message starts with
 * `path:line:column` so editors and terminals can jump to the mistake.
 */
export class LexiconError extends Error {
  override name = 'LexiconError'
}

/**
 * One YAML lexicon file, loaded once, with positions for error messages.
 *
 * The build writes a compiled copy beside each lexicon (`cues.yml.json`: the
 * SHA-256 of the YAML text and its plain data). When the copy is of this very
 * text, its data is read instead of parsing the YAML; every section is still
 * checked the same way on use, and a mistake is reported from the YAML, with
 * its position.
 */
export class Lexicon {
  readonly path: string
  private readonly text: string
  private readonly plain: Record<string, unknown> | undefined
  private parsed: {root: YamlNode; lines: LineCounter} | undefined

  constructor(url: URL) {
    this.path = fileURLToPath(url)
    this.text = readFileSync(url, 'utf8')
    this.plain = compiledCopy(this.path, this.text)
    // Without a copy, parse now: a syntax error stops the run when the plugin is attached.
    if (!this.plain) this.document()
  }

  private document(): {root: YamlNode; lines: LineCounter} {
    if (this.parsed) return this.parsed
    const {LineCounter, isMap, parseDocument} = yaml()
    const lines = new LineCounter()
    const document = parseDocument(this.text, {lineCounter: lines, uniqueKeys: true})
    const where = (offset: number | undefined): string => {
      const {line, col} = lines.linePos(offset ?? 0)
      return `${this.path}:${line}:${col}`
    }
    const first = document.errors[0]
    if (first) {
      throw new LexiconError(`${where(first.pos[0])}: ${first.message.split('\n')[0]}`)
    }
    if (!isMap(document.contents)) {
      throw new LexiconError(`${this.path}:1:1: expected a mapping of lexicon sections`)
    }
    this.parsed = {root: document.contents, lines}
    return this.parsed
  }

  private where(offset: number | undefined): string {
    const {line, col} = this.document().lines.linePos(offset ?? 0)
    return `${this.path}:${line}:${col}`
  }

  private section(key: string): YamlNode {
    const {isMap} = yaml()
    const map = this.document().root
    if (!isMap(map)) throw new LexiconError(`${this.path}:1:1: expected a mapping`)
    const node = map.get(key, true)
    if (node === undefined) throw new LexiconError(`${this.where(map.range?.[0])}: missing section \`${key}\``)
    return node as YamlNode
  }

  /**
   * A list of non-empty strings. Duplicates are an error (compared
   * case-insensitively unless `caseSensitive`), so two editors adding the same
   * entry notice it.
   */
  strings(key: string, options: {caseSensitive?: boolean} = {}): string[] {
    const fast = this.plain ? plainStrings(this.plain[key], options.caseSensitive ?? false) : undefined
    if (fast) return fast
    const {isScalar, isSeq} = yaml()
    const node = this.section(key)
    if (!isSeq(node)) throw new LexiconError(`${this.where(node.range?.[0])}: \`${key}\` must be a list of strings`)
    const seen = new Map<string, number>()
    const values: string[] = []
    for (const item of node.items) {
      const offset = (item as YamlNode).range?.[0]
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        throw new LexiconError(`${this.where(offset)}: \`${key}\` entries must be non-empty strings`)
      }
      const value = item.value.trim()
      const folded = options.caseSensitive ? value : value.toLowerCase()
      if (seen.has(folded)) {
        throw new LexiconError(`${this.where(offset)}: duplicate entry \`${value}\` in \`${key}\``)
      }
      seen.set(folded, values.length)
      values.push(value)
    }
    return values
  }

  /** A mapping from names to numbers (feature weights). */
  numbers(key: string): Map<string, number> {
    const value = this.plain?.[key]
    if (isPlainObject(value) && Object.values(value).every((item) => typeof item === 'number')) {
      return new Map(Object.entries(value as Record<string, number>))
    }
    const {isMap, isScalar} = yaml()
    const node = this.section(key)
    if (!isMap(node)) throw new LexiconError(`${this.where(node.range?.[0])}: \`${key}\` must be a mapping of numbers`)
    const numbers = new Map<string, number>()
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode
      const value = pair.value as YamlNode | null
      if (!isScalar(keyNode) || !value || !isScalar(value) || typeof value.value !== 'number') {
        throw new LexiconError(`${this.where(keyNode.range?.[0])}: \`${key}\` entries must be name: number`)
      }
      numbers.set(String(keyNode.value), value.value)
    }
    return numbers
  }

  /** A mapping from names to lists of strings (for example a lemma to its forms). */
  groups(key: string): Map<string, string[]> {
    const fast = this.plain ? plainGroups(this.plain[key]) : undefined
    if (fast) return fast
    const {isMap, isScalar, isSeq} = yaml()
    const node = this.section(key)
    if (!isMap(node)) throw new LexiconError(`${this.where(node.range?.[0])}: \`${key}\` must be a mapping of lists`)
    const groups = new Map<string, string[]>()
    const owner = new Map<string, string>()
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode
      const name = isScalar(keyNode) ? String(keyNode.value) : ''
      const list = pair.value as YamlNode | null
      if (!list || !isSeq(list)) {
        throw new LexiconError(`${this.where(keyNode.range?.[0])}: \`${key}.${name}\` must be a list of strings`)
      }
      const values: string[] = []
      for (const item of list.items) {
        const offset = (item as YamlNode).range?.[0]
        if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
          throw new LexiconError(`${this.where(offset)}: \`${key}.${name}\` entries must be non-empty strings`)
        }
        const value = item.value.trim().toLowerCase()
        const previous = owner.get(value)
        if (previous !== undefined) {
          throw new LexiconError(`${this.where(offset)}: \`${value}\` is listed under both \`${previous}\` and \`${name}\` in \`${key}\``)
        }
        owner.set(value, name)
        values.push(value)
      }
      groups.set(name, values)
    }
    return groups
  }
}

/** Lower-cased set of a lexicon list, for membership tests. */
export function lowerSet(values: readonly string[]): Set<string> {
  return new Set(values.map((value) => value.toLowerCase()))
}

/** The compiled copy beside a lexicon (`name.yml.json`), when it was made from this very text. */
function compiledCopy(path: string, text: string): Record<string, unknown> | undefined {
  let copy: unknown
  try {
    copy = JSON.parse(readFileSync(`${path}.json`, 'utf8'))
  } catch {
    return undefined
  }
  if (!isPlainObject(copy) || copy['sha256'] !== hash('sha256', text, 'hex') || !isPlainObject(copy['data'])) return undefined
  return copy['data']
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A section of the compiled copy as `strings()` gives it, or undefined when it is not valid (the YAML then says why). */
function plainStrings(value: unknown, caseSensitive: boolean): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const seen = new Set<string>()
  const values: string[] = []
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '') return undefined
    const trimmed = item.trim()
    const folded = caseSensitive ? trimmed : trimmed.toLowerCase()
    if (seen.has(folded)) return undefined
    seen.add(folded)
    values.push(trimmed)
  }
  return values
}

/** A section of the compiled copy as `groups()` gives it, or undefined when it is not valid. */
function plainGroups(value: unknown): Map<string, string[]> | undefined {
  if (!isPlainObject(value)) return undefined
  const groups = new Map<string, string[]>()
  const owners = new Set<string>()
  for (const [name, list] of Object.entries(value)) {
    if (!Array.isArray(list)) return undefined
    const values: string[] = []
    for (const item of list) {
      if (typeof item !== 'string' || item.trim() === '') return undefined
      const folded = item.trim().toLowerCase()
      if (owners.has(folded)) return undefined
      owners.add(folded)
      values.push(folded)
    }
    groups.set(name, values)
  }
  return groups
}
