import {existsSync, realpathSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'

/**
 * The folders the review app may read and write: annotations (read,
 * written) and articles (read). Every path a request names is resolved
 * inside one of them, or refused.
 */
export class Folders {
  readonly annotations: string
  readonly seeds: string
  readonly cwd: string

  constructor(cwd: string, annotations: string, seeds: string) {
    this.cwd = cwd
    this.annotations = path.resolve(cwd, annotations)
    this.seeds = path.resolve(cwd, seeds)
  }

  /**
   * The absolute path of the annotation `relative` names (a path below the
   * annotations folder, with forward slashes, ending in .yaml), or why not:
   * no `..`, no absolute path, no hidden part, nothing that leads out of
   * the folder through a symbolic link.
   */
  annotation(relative: string): {file: string} | {refused: string} {
    if (!relative.endsWith('.yaml')) return {refused: 'not an annotation file (.yaml)'}
    return inside(this.annotations, relative)
  }

  /** The absolute path of an article (its annotation's `article.path`, relative to the working folder), if it lies in the seeds folder. */
  article(relativeToCwd: string): {file: string} | {refused: string} {
    if (path.isAbsolute(relativeToCwd) || relativeToCwd.includes('\\')) return {refused: 'not a relative path'}
    const resolved = path.resolve(this.cwd, relativeToCwd)
    const below = path.relative(this.seeds, resolved)
    if (below === '' || below.startsWith('..') || path.isAbsolute(below)) return {refused: `the article ${relativeToCwd} is not in the seeds folder`}
    return inside(this.seeds, below.split(path.sep).join('/'))
  }

  /** Every annotation below the annotations folder, as paths relative to it (sorted, hidden ones skipped). */
  async annotationList(): Promise<string[]> {
    const found: string[] = []
    const walk = async (folder: string, prefix: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(folder, {withFileTypes: true})
      } catch {
        return
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue
        if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${prefix}${entry.name}/`)
        else if (entry.isFile() && entry.name.endsWith('.yaml')) found.push(`${prefix}${entry.name}`)
      }
    }
    await walk(this.annotations, '')
    return found
  }

  async readAnnotationText(relative: string): Promise<string> {
    const resolved = this.annotation(relative)
    if ('refused' in resolved) throw new Error(resolved.refused)
    return readFile(resolved.file, 'utf8')
  }
}

/** `relative` resolved below `root`, refusing anything that leaves it, by its name or through a link. */
function inside(root: string, relative: string): {file: string} | {refused: string} {
  if (relative === '' || path.posix.isAbsolute(relative) || relative.includes('\\') || relative.includes('\0')) return {refused: 'not a relative path'}
  const parts = relative.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) return {refused: 'a path with "..", "." or a hidden part'}
  const file = path.join(root, ...parts)
  // A link inside the folder may point out of it: compare the real paths of what exists.
  let real = file
  let missing = ''
  while (!existsSync(real)) {
    missing = path.join(path.basename(real), missing)
    real = path.dirname(real)
  }
  let rootReal: string
  try {
    rootReal = realpathSync(root)
    real = path.join(realpathSync(real), missing)
  } catch {
    return {refused: 'cannot be resolved'}
  }
  const below = path.relative(rootReal, real)
  if (below === '' || below.startsWith('..') || path.isAbsolute(below)) return {refused: 'leads out of its folder'}
  return {file}
}
