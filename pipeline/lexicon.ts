import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {LineCounter, isMap, isScalar, isSeq, parseDocument} from 'yaml'
import type {Node as YamlNode} from 'yaml'

/**
 * A lexicon file that failed to load or to validate. The message starts with
 * `path:line:column` so editors and terminals can jump to the mistake.
 */
export class LexiconError extends Error {
  override name = 'LexiconError'
}

/** One YAML lexicon file, parsed once, with positions for error messages. */
export class Lexicon {
  readonly path: string
  private readonly root: YamlNode
  private readonly lines: LineCounter

  constructor(url: URL) {
    this.path = fileURLToPath(url)
    this.lines = new LineCounter()
    const text = readFileSync(url, 'utf8')
    const document = parseDocument(text, {lineCounter: this.lines, uniqueKeys: true})
    const first = document.errors[0]
    if (first) {
      throw new LexiconError(`${this.where(first.pos[0])}: ${first.message.split('\n')[0]}`)
    }
    if (!isMap(document.contents)) {
      throw new LexiconError(`${this.path}:1:1: expected a mapping of lexicon sections`)
    }
    this.root = document.contents
  }

  private where(offset: number | undefined): string {
    const {line, col} = this.lines.linePos(offset ?? 0)
    return `${this.path}:${line}:${col}`
  }

  private section(key: string): YamlNode {
    const map = this.root
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
