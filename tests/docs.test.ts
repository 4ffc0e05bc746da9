import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const scripts = Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts)

/** The commands behind `npm run X` that have a `--help`: their modules' main. */
const commandModules: Record<string, string> = {
  annotate: '../pipeline/cli/annotate.ts',
  review: '../pipeline/review-app/cli.ts',
  export: '../pipeline/export/cli.ts',
  eval: '../pipeline/eval/cli.ts',
  train: '../pipeline/train/cli.ts',
  bench: '../pipeline/bench/cli.ts'
}

function markdownFiles(): string[] {
  const docs = path.join(root, 'docs')
  const files = [path.join(root, 'README.md')]
  if (existsSync(docs)) {
    for (const name of readdirSync(docs, {recursive: true, encoding: 'utf8'}).sort()) if (name.endsWith('.md')) files.push(path.join(docs, name))
  }
  return files
}

function tree(file: string): Root {
  return unified().use(remarkParse).parse(readFileSync(file, 'utf8'))
}

/** Every relative link and image of a Markdown file: its target, and the line it is on. */
export function relativeLinks(file: string): Array<{target: string; line: number}> {
  const links: Array<{target: string; line: number}> = []
  visit(tree(file), (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
    const url = (node as {url: string}).url
    if (/^(?:[a-z][a-z+.-]*:|#|\/\/)/iu.test(url) || url === '') return
    links.push({target: url, line: node.position?.start.line ?? 0})
  })
  return links
}

/** The commands of the fenced `sh` blocks of a Markdown file, each split at `&&`, without comments. */
export function shellCommands(file: string): Array<{command: string; line: number}> {
  const commands: Array<{command: string; line: number}> = []
  visit(tree(file), 'code', (node) => {
    if (node.lang !== 'sh') return
    node.value.split('\n').forEach((text, index) => {
      const command = text.replace(/(?:^|\s)#.*$/u, '').trim()
      if (command === '') return
      for (const part of command.split('&&')) commands.push({command: part.trim(), line: (node.position?.start.line ?? 0) + 1 + index})
    })
  })
  return commands
}

async function helpOf(script: string): Promise<string> {
  const module = (await import(commandModules[script]!)) as {main(argv: string[]): Promise<number>}
  let out = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    await module.main(['--help'])
  } finally {
    process.stdout.write = write
  }
  return out
}

describe('README.md and docs/', () => {
  it('link only to files that exist', () => {
    const broken: string[] = []
    let count = 0
    for (const file of markdownFiles()) {
      for (const {target, line} of relativeLinks(file)) {
        count++
        const resolved = path.resolve(path.dirname(file), decodeURI(target.split('#')[0]!))
        if (!existsSync(resolved)) broken.push(`${path.relative(root, file)}:${line}: ${target}`)
      }
    }
    expect(broken).toEqual([])
    expect(count).toBeGreaterThan(0)
  })

  it('show in their sh blocks only commands that exist, with options their --help lists', async () => {
    const commands = shellCommands(path.join(root, 'README.md'))
    expect(commands.length).toBeGreaterThan(2)
    const helps = new Map<string, string>()
    const wrong: string[] = []
    for (const {command, line} of commands) {
      const words = command.split(/\s+/u)
      if (command === 'npm ci' || command === 'npm test') continue
      if (words[0] !== 'npm' || words[1] !== 'run' || words[2] === undefined) {
        wrong.push(`README.md:${line}: not an npm command: ${command}`)
        continue
      }
      const script = words[2]
      if (!scripts.includes(script)) {
        wrong.push(`README.md:${line}: no npm script ${script}`)
        continue
      }
      const flags = words.slice(3).filter((word) => word.startsWith('--') && word !== '--').map((word) => word.split('=')[0]!)
      if (flags.length === 0) continue
      if (!(script in commandModules)) {
        wrong.push(`README.md:${line}: npm run ${script} takes no options: ${command}`)
        continue
      }
      if (!helps.has(script)) helps.set(script, await helpOf(script))
      for (const flag of flags) {
        if (!new RegExp(`${flag}(?![\\w-])`, 'u').test(helps.get(script)!)) {
          wrong.push(`README.md:${line}: npm run ${script} -- --help does not list ${flag}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('the checks themselves', () => {
  it('find a broken link and an unknown option', async () => {
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const folder = mkdtempSync(path.join(tmpdir(), 'docs-'))
    const file = path.join(folder, 'x.md')
    writeFileSync(file, '[a](missing.md) [b](https://example.com) [c](#here)\n\n```sh\nnpm run annotate -- --check   # ok\nnpm ci && npm run nope\n```\n')
    expect(relativeLinks(file)).toEqual([{target: 'missing.md', line: 1}])
    expect(shellCommands(file).map((item) => item.command)).toEqual(['npm run annotate -- --check', 'npm ci', 'npm run nope'])
    expect(await helpOf('annotate')).toContain('--check')
  })
})
