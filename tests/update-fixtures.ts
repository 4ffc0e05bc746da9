// Rewrites tests/fixtures/articles/*/expected.yaml from the current pipeline (`npm run fixtures`).
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {analyze} from './helpers.ts'

const folder = new URL('./fixtures/articles/', import.meta.url)
for (const name of readdirSync(folder)) {
  const text = readFileSync(new URL(`${name}/article.txt`, folder), 'utf8')
  const {yaml} = analyze(text, `tests/fixtures/articles/${name}/article.txt`, `tests/fixtures/articles/${name}/expected.yaml`)
  writeFileSync(new URL(`${name}/expected.yaml`, folder), yaml)
  process.stdout.write(`tests/fixtures/articles/${name}/expected.yaml\n`)
}
