import {spawnSync} from 'node:child_process'

/** Why `ref` cannot be read in the repository at `cwd`, or undefined when it can. */
export function refProblem(ref: string, cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {cwd, encoding: 'utf8'})
  if (result.error) return `git is not available: ${result.error.message}`
  if (result.status === 0) return undefined
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], {cwd, encoding: 'utf8'})
  if (inside.status !== 0) return `${cwd} is not in a git repository`
  return `no commit ${ref} in this repository (in a shallow CI checkout, fetch it first: git fetch origin main)`
}

/**
 * The files at `paths` (relative to `cwd`) as they were at `ref`, read with
 * one `git cat-file --batch`; null for a file that did not exist there.
 */
export function filesAt(ref: string, paths: string[], cwd: string): Map<string, string | null> {
  const found = new Map<string, string | null>()
  if (paths.length === 0) return found
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], {cwd, encoding: 'utf8'}).stdout.trim()
  const input = paths.map((file) => `${ref}:${prefix}${file}\n`).join('')
  const result = spawnSync('git', ['cat-file', '--batch'], {cwd, input, maxBuffer: 1 << 30})
  if (result.status !== 0) throw new Error(`git cat-file failed: ${result.stderr.toString().trim()}`)
  const out = result.stdout
  let at = 0
  for (const file of paths) {
    const lineEnd = out.indexOf(0x0a, at)
    const header = out.subarray(at, lineEnd).toString('utf8')
    at = lineEnd + 1
    // "<object> missing", or "<oid> <type> <size>" and then the content and a line end.
    const match = /^[0-9a-f]+ (\w+) (\d+)$/u.exec(header)
    if (!match) {
      found.set(file, null)
      continue
    }
    const size = Number(match[2])
    found.set(file, match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : null)
    at += size + 1
  }
  return found
}
