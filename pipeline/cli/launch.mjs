#!/usr/bin/env node
// Runs a command of the project (annotate, eval, bench) from its compiled
// JavaScript, which starts in a fraction of the time TypeScript through a
// loader does. The build (tsc into dist/, lexicons and schema copied beside
// it) is redone first whenever a source is newer than it, so what runs is
// always what is in pipeline/. Plain JavaScript: Node 20 cannot run
// TypeScript by itself.
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from 'node:v8'

// The optimizing compiler inlines less than by default. A cold run compiles its hot code once in
// every thread that annotates, and with V8's default budget that compiling costs as much CPU as
// annotating hundreds of articles; with this budget it takes about half as long and the compiled
// code runs as fast (README, Performance). Set before any of the pipeline is loaded; worker
// threads share it. CLAIMCHECK_V8_DEFAULTS=1 keeps V8's defaults, for comparison.
if (process.env.CLAIMCHECK_V8_DEFAULTS !== '1') v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=200')

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = path.join(root, 'dist')
const stamp = path.join(dist, '.built')
const commands = {
  annotate: 'pipeline/cli/annotate.js',
  eval: 'pipeline/eval/cli.js',
  bench: 'pipeline/bench/cli.js',
  review: 'pipeline/review-app/cli.js',
  export: 'pipeline/export/cli.js',
  train: 'pipeline/train/cli.js'
}

const [name, ...args] = process.argv.slice(2)
if (name === '--build') {
  await build()
} else if (name in commands) {
  if (stale()) await build()
  // A closed pipe (`… --stdout | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  const module = await import(pathToFileURL(path.join(dist, commands[name])).href)
  process.exitCode = await module.main(args)
} else {
  process.stderr.write(`usage: launch.mjs (${Object.keys(commands).join(' | ')} | --build) [ARGS...]\n`)
  process.exitCode = 2
}

function sources() {
  const files = ['tsconfig.json', 'package-lock.json'].map((file) => path.join(root, file))
  for (const name of readdirSync(path.join(root, 'pipeline'), {recursive: true, encoding: 'utf8'})) {
    if (/\.(?:ts|mts|mjs|yml|json)$/u.test(name)) files.push(path.join(root, 'pipeline', name))
  }
  return files.filter((file) => existsSync(file))
}

function stale() {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return sources().some((file) => statSync(file).mtimeMs > built)
}

async function build() {
  // Loaded only to build: with its dependencies it costs every other start about 8 ms.
  const {spawnSync} = await import('node:child_process')
  rmSync(dist, {recursive: true, force: true})
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc')
  // The project's settings, emitting JavaScript with its imports renamed from .ts to .js.
  const options = ['--noEmit', 'false', '--outDir', dist, '--rootDir', root, '--rewriteRelativeImportExtensions', '--sourceMap', 'false']
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json'), ...options], {stdio: 'inherit'})
  if (result.status !== 0) {
    process.stderr.write('build failed: see the TypeScript errors above\n')
    process.exit(1)
  }
  const {lexiconCopy} = await import('./lexicon-copy.mjs')
  for (const name of readdirSync(path.join(root, 'pipeline'), {recursive: true, encoding: 'utf8'})) {
    if (!/\.(?:yml|json)$/u.test(name)) continue
    const target = path.join(dist, 'pipeline', name)
    mkdirSync(path.dirname(target), {recursive: true})
    cpSync(path.join(root, 'pipeline', name), target)
    if (!name.endsWith('.yml')) continue
    // A compiled copy of each lexicon, read instead of parsing the YAML at every start.
    const copy = lexiconCopy(readFileSync(target, 'utf8'))
    if (copy !== null) writeFileSync(`${target}.json`, copy)
  }
  writeFileSync(stamp, 'built from pipeline/ by launch.mjs\n')
}
