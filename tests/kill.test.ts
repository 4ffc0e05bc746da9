import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {readAnnotation} from '../pipeline/review/read.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const cli = path.join(root, 'pipeline/cli/annotate.ts')
const seed = readFileSync(path.join(root, 'seeds/us-china-trade-talks.txt'), 'utf8')
const work = mkdtempSync(path.join(tmpdir(), 'annotate-kill-'))
const count = 120

afterAll(() => rmSync(work, {recursive: true, force: true}))

function writeArticles(version: string): void {
  mkdirSync(path.join(work, 'seeds'), {recursive: true})
  for (let index = 0; index < count; index++) {
    writeFileSync(path.join(work, 'seeds', `story-${index}.txt`), `${seed}\nStory ${index}, version ${version}, the editor said.\n`)
  }
}

function snapshot(): Map<string, string> {
  const folder = path.join(work, 'annotations')
  return new Map(readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]))
}

/** Run annotate and kill it (and its child) with SIGKILL after `delay` ms, unless it ends first. */
function runAndKill(delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, cli, '--quiet'], {cwd: work, detached: true, stdio: 'ignore'})
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Already finished.
      }
    }, delay)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

describe('kill -9 during annotate', () => {
  it('leaves every annotation either the old or the new version, never half', async () => {
    writeArticles('one')
    const started = performance.now()
    expect(spawnSync(process.execPath, [tsx, cli, '--quiet'], {cwd: work}).status).toBe(0)
    // Kills spread over the time a whole run takes on this machine, loaded or not, so some land
    // before any file is rewritten and some while files are being rewritten.
    const runTime = performance.now() - started
    const old = snapshot()
    writeArticles('two')
    const seen: Array<Map<string, string>> = []
    for (const share of [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
      await runAndKill(Math.round(runTime * share))
      seen.push(snapshot())
    }
    // When the machine got busier since the first run, every kill may have come before the first
    // write: go on, later each time, until one lands after some files were rewritten (or a run ends).
    const rewritten = (files: Map<string, string>): boolean => [...files].some(([name, content]) => content !== old.get(name))
    for (let delay = runTime, attempt = 0; attempt < 8 && !seen.some(rewritten); attempt++) {
      delay *= 1.5
      await runAndKill(Math.round(delay))
      seen.push(snapshot())
    }
    expect(spawnSync(process.execPath, [tsx, cli, '--quiet'], {cwd: work}).status).toBe(0)
    const current = snapshot()
    let changedMidway = 0
    for (const files of seen) {
      expect(files.size).toBe(count)
      for (const [name, content] of files) {
        expect([old.get(name), current.get(name)], name).toContain(content)
        expect('annotation' in readAnnotation(content), name).toBe(true)
        if (content === current.get(name)) changedMidway++
      }
    }
    // Some kills landed after files had been rewritten: the new versions were checked too.
    expect(changedMidway).toBeGreaterThan(0)
  }, 300_000)
})
