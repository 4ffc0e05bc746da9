import {createHash, hash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Annotation, ObsoleteReview, Review} from '../annotation/model.ts'
import {projectRoot} from '../project.ts'
import {writeAtomic} from './write.ts'

/** What one article's last run produced, and from what. */
export interface CacheEntry {
  /** SHA-256 of the article's bytes. */
  article: string
  /** The pipeline (code, lexicons, dependencies) that ran. */
  pipeline: string
  /** SHA-256 of the annotation written. */
  yaml: string
  counts: Annotation['counts']
  /**
   * The written annotation's sentences (id, text, review or null) and
   * obsolete reviews, for the next merge; null when nothing is reviewed.
   */
  reviews: {sentences: Array<[string, string, Review | null]>; obsolete: ObsoleteReview[]} | null
  /** Size and modification time of the article and of the annotation as written: [size, mtimeMs]. */
  stats: {article: [number, number]; yaml: [number, number]}
}

const version = 3

/**
 * Skips work on re-runs: an article whose bytes, pipeline and annotation file
 * are exactly those of its last run would get the same annotation again. The
 * cache only says what was written; every entry is checked against the
 * current hashes, so a stale or corrupt cache costs a re-run, never a wrong
 * file.
 */
export class AnnotateCache {
  readonly file: string
  private entries: Map<string, CacheEntry>
  private changed = false

  constructor(file: string) {
    this.file = file
    this.entries = new Map()
    try {
      const value = JSON.parse(readFileSync(file, 'utf8')) as {version?: unknown; entries?: unknown}
      if (value.version === version && value.entries && typeof value.entries === 'object') {
        for (const [key, entry] of Object.entries(value.entries as Record<string, unknown>)) {
          if (isEntry(entry)) this.entries.set(key, entry)
        }
      }
    } catch {
      // Missing or corrupt: start empty.
    }
  }

  /**
   * The entry for an article when neither it nor its annotation was touched
   * since the last run (same size and modification time) and the pipeline is
   * the same: nothing needs reading.
   */
  untouched(articlePath: string, pipeline: string, article: [number, number], yaml: [number, number] | undefined): CacheEntry | undefined {
    const entry = this.entries.get(articlePath)
    if (!entry || !yaml || entry.pipeline !== pipeline) return undefined
    const same = (a: [number, number], b: [number, number]): boolean => a[0] === b[0] && a[1] === b[1]
    return same(entry.stats.article, article) && same(entry.stats.yaml, yaml) ? entry : undefined
  }

  /** The entry for an article, if it still describes these exact bytes. */
  hit(articlePath: string, articleHash: string, pipeline: string, existing: string | undefined): CacheEntry | undefined {
    const entry = this.entries.get(articlePath)
    if (!entry || existing === undefined) return undefined
    if (entry.article !== articleHash || entry.pipeline !== pipeline) return undefined
    return entry.yaml === sha256(existing) ? entry : undefined
  }

  /**
   * The entry for an article whose annotation on disk is exactly what the
   * last run wrote (nobody edited it since): its reviews need no parsing.
   */
  written(articlePath: string, existing: string | undefined): CacheEntry | undefined {
    const entry = this.entries.get(articlePath)
    return entry && existing !== undefined && entry.yaml === sha256(existing) ? entry : undefined
  }

  set(articlePath: string, entry: CacheEntry): void {
    const old = this.entries.get(articlePath)
    const same =
      old !== undefined &&
      old.article === entry.article &&
      old.pipeline === entry.pipeline &&
      old.yaml === entry.yaml &&
      old.stats.article.join() === entry.stats.article.join() &&
      old.stats.yaml.join() === entry.stats.yaml.join()
    if (same) return
    this.entries.set(articlePath, entry)
    this.changed = true
  }

  async save(): Promise<void> {
    if (!this.changed) return
    const entries = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    await writeAtomic(this.file, JSON.stringify({version, entries}) + '\n')
  }
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as Partial<CacheEntry> | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.article === 'string' &&
    typeof entry.pipeline === 'string' &&
    typeof entry.yaml === 'string' &&
    typeof entry.counts === 'object' &&
    entry.counts !== null &&
    typeof entry.reviews === 'object' &&
    (entry.reviews === null || (Array.isArray(entry.reviews.sentences) && Array.isArray(entry.reviews.obsolete))) &&
    typeof entry.stats === 'object' &&
    entry.stats !== null &&
    Array.isArray(entry.stats.article) &&
    Array.isArray(entry.stats.yaml)
  )
}

export function sha256(value: string | Uint8Array): string {
  return hash('sha256', value, 'hex')
}

/**
 * A fingerprint of the pipeline that is running: every file of its code and
 * lexicons (the folder this module runs from, source or build) and the
 * project's lock file (the versions of parse-english and the rest).
 */
export function pipelineHash(): string {
  const folder = fileURLToPath(new URL('../', import.meta.url))
  const digest = createHash('sha256')
  const files = (readdirSync(folder, {recursive: true, encoding: 'utf8'}) as string[])
    .filter((name) => /\.(?:ts|js|mjs|yml|json)$/u.test(name))
    .sort()
  for (const name of files) {
    digest.update(name).update('\u0000').update(readFileSync(path.join(folder, name))).update('\u0000')
  }
  const lock = path.join(projectRoot, 'package-lock.json')
  if (existsSync(lock)) digest.update(readFileSync(lock))
  return digest.digest('hex')
}
