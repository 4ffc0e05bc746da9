import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import type {Server} from 'node:http'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import type {Annotation} from '../pipeline/annotation/model.ts'
import {type Task, annotators, runTask} from '../pipeline/cli/task.ts'
import {Folders} from '../pipeline/review-app/files.ts'
import {reviewServer} from '../pipeline/review-app/server.ts'
import {readAnnotation} from '../pipeline/review/read.ts'
import {analyze} from './helpers.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const seedText = readFileSync(path.join(root, 'seeds/us-china-trade-talks.txt'), 'utf8')
const hostile = [
  'Officials said the <script>window.hacked = 1</script> vote passed, according to <img src=x onerror="window.hacked = 2"> aides.',
  'A second paragraph says nothing "</textarea><b>bold</b>".'
].join('\n')
const signature = {reviewer: 'Test Reviewer', today: '2026-12-06'}
const chromium = process.env['CLAIMCHECK_CHROMIUM'] ?? '/usr/bin/chromium'
const browserRequired = process.env['CLAIMCHECK_REQUIRE_BROWSER'] === '1'
const haveBrowser = existsSync(chromium)
if (!haveBrowser) {
  if (browserRequired) throw new Error(`CLAIMCHECK_REQUIRE_BROWSER=1 but there is no Chromium at ${chromium}: install Debian's chromium package`)
  process.stderr.write(`review app: browser tests SKIPPED, no Chromium at ${chromium} (install Debian's chromium, or set CLAIMCHECK_CHROMIUM)\n`)
}

let work: string
let server: Server
let base: string

/** Write an article and its annotation as `npm run annotate` does. */
function annotateInto(name: string, text: string): void {
  writeFileSync(path.join(work, 'seeds', `${name}.txt`), text)
  const {yaml} = analyze(text, `seeds/${name}.txt`, `annotations/${name}.yaml`)
  writeFileSync(path.join(work, 'annotations', `${name}.yaml`), yaml)
}

function annotationOf(name: string): Annotation {
  const read = readAnnotation(readFileSync(path.join(work, 'annotations', `${name}.yaml`), 'utf8'))
  if (!('annotation' in read)) throw new Error(JSON.stringify(read.problems))
  return read.annotation
}

/** What `npm run annotate -- --check` says of the file: the same bytes as computed now. */
function checkPasses(name: string): boolean {
  const task: Task = {
    articlePath: `seeds/${name}.txt`,
    targetPath: `annotations/${name}.yaml`,
    cwd: work,
    article: readFileSync(path.join(work, 'seeds', `${name}.txt`)),
    existing: readFileSync(path.join(work, 'annotations', `${name}.yaml`), 'utf8'),
    keepAnnotation: false,
    check: true
  }
  return runTask(task, annotators()).change === 'same'
}

/** `npm run review -- ARGS` in the working folder, from the sources. */
function reviewCommand(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const script = path.join(work, 'review.mts')
  writeFileSync(script, `import {main} from ${JSON.stringify(path.join(root, 'pipeline/review-app/cli.ts'))}\nprocess.exitCode = await main(${JSON.stringify(args)})\n`)
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script], {cwd: work, encoding: 'utf8', timeout: 30_000})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

function raw(options: {method?: string; path: string; headers?: Record<string, string>; body?: string}): Promise<{status: number; body: string}> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const call = request({host: '127.0.0.1', port: url.port, method: options.method ?? 'GET', path: options.path, headers: {host: url.host, ...options.headers}}, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
    })
    call.on('error', reject)
    call.end(options.body)
  })
}

beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'review-app-'))
  mkdirSync(path.join(work, 'seeds'))
  mkdirSync(path.join(work, 'annotations'))
  annotateInto('trade', seedText)
  annotateInto('hostile', hostile)
  server = reviewServer(new Folders(work, 'annotations', 'seeds'), {signature})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  return async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    rmSync(work, {recursive: true, force: true})
  }
})

describe('the review app over HTTP', () => {
  it('refuses a Host that is not its own (DNS rebinding)', async () => {
    expect((await raw({path: '/', headers: {host: 'attacker.example:80'}})).status).toBe(421)
    expect((await raw({path: '/'})).status).toBe(200)
  })

  it('refuses a save from another origin, without an Origin, or not as JSON', async () => {
    const trade = annotationOf('trade')
    const sentence = trade.sentences.find((item) => item.kind === 'body')!
    const body = JSON.stringify({path: 'trade.yaml', sentence: sentence.id, base: sentence.review, review: {...sentence.review, status: 'false'}})
    const own = new URL(base).origin
    expect((await raw({method: 'POST', path: '/api/review', headers: {origin: 'https://attacker.example', 'content-type': 'application/json'}, body})).status).toBe(403)
    expect((await raw({method: 'POST', path: '/api/review', headers: {'content-type': 'application/json'}, body})).status).toBe(403)
    expect((await raw({method: 'POST', path: '/api/review', headers: {origin: own, 'content-type': 'text/plain'}, body})).status).toBe(415)
    expect(annotationOf('trade').sentences.find((item) => item.id === sentence.id)!.review.status).toBe('unreviewed')
    const saved = await raw({method: 'POST', path: '/api/review', headers: {origin: own, 'content-type': 'application/json'}, body})
    expect(saved.status, saved.body).toBe(200)
    expect(annotationOf('trade').sentences.find((item) => item.id === sentence.id)!.review).toMatchObject({status: 'false', reviewer: 'Test Reviewer', date: '2026-12-06'})
    expect(checkPasses('trade')).toBe(true)
  })

  it('serves and writes only annotations under its folder', async () => {
    writeFileSync(path.join(work, 'secret.yaml'), 'secret: true\n')
    symlinkSync(path.join(work, 'secret.yaml'), path.join(work, 'annotations', 'link.yaml'))
    for (const target of ['../secret.yaml', '/etc/passwd', 'link.yaml', '..%2Fsecret.yaml', '.hidden.yaml', 'trade.txt']) {
      const response = await raw({path: `/article?path=${encodeURIComponent(target)}`})
      expect(response.status, target).toBe(403)
      expect(response.body).not.toContain('secret: true')
    }
    const own = new URL(base).origin
    const review = {status: 'false', reviewer: '', date: '', note: '', evidence: [], rejected: [], added: [], needsRecheck: false, previousText: null}
    const escape = await raw({
      method: 'POST',
      path: '/api/review',
      headers: {origin: own, 'content-type': 'application/json'},
      body: JSON.stringify({path: 'link.yaml', sentence: 's-0000000000', base: {...review, status: 'unreviewed'}, review})
    })
    expect(escape.status).toBe(403)
    expect(readFileSync(path.join(work, 'secret.yaml'), 'utf8')).toBe('secret: true\n')
  })

  it('escapes every text taken from an article', async () => {
    const page = await raw({path: '/article?path=hostile.yaml'})
    expect(page.status).toBe(200)
    expect(page.body).not.toContain('<script>window.hacked')
    expect(page.body).not.toContain('<img src=x')
    expect(page.body).not.toContain('</textarea><b>')
    expect(page.body).toContain('&lt;script&gt;window.hacked = 1&lt;/script&gt;')
    // The page's data for its script cannot close its element either.
    expect(page.body.match(/<\/script>/gu)).toHaveLength(2)
  })

  it('says so and exits 1 when the port is taken', async () => {
    const taken = new URL(base).port
    const result = reviewCommand('--port', taken)
    expect(result.stderr).toContain(`review: port ${taken} on 127.0.0.1 is taken`)
    expect(result.status).toBe(1)
  })

  it('writes static pages without forms for a pull request', () => {
    const out = path.join(work, 'site')
    const result = reviewCommand('--static', 'site')
    expect(result.status, result.stderr).toBe(0)
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(index).toContain('href="articles/trade.html"')
    const article = readFileSync(path.join(out, 'articles/trade.html'), 'utf8')
    expect(article).toContain('data-sentence="')
    expect(article).toContain('data-role="source"')
    expect(article).not.toContain('<form')
    expect(article).toContain('href="../app.css"')
    expect(existsSync(path.join(out, 'app.js'))).toBe(true)
  })
})

describe.skipIf(!haveBrowser)('the review app in Chromium', () => {
  // Loaded only when there is a browser to drive.
  let browser: import('playwright-core').Browser
  const shots = mkdtempSync(path.join(tmpdir(), 'review-shots-'))

  beforeAll(async () => {
    const {chromium: launcher} = await import('playwright-core')
    browser = await launcher.launch({
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
  })
  afterAll(async () => {
    await browser?.close()
  })

  const open = async (where: string): Promise<import('playwright-core').Page> => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`)
    })
    await page.goto(new URL(where, base).href)
    return page
  }

  it('lists the articles with their counts, and filters them', async () => {
    const page = await open('/')
    const rows = page.locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const trade = page.locator('tr[data-article="trade.yaml"] td')
    const counts = annotationOf('trade').sentences.filter((sentence) => sentence.kind === 'body')
    expect(await trade.nth(1).textContent()).toBe(String(counts.length))
    expect(await trade.nth(2).textContent()).toBe(String(counts.filter((sentence) => sentence.claim.score >= 0.5).length))
    await page.check('input[value=needs-recheck]')
    await expect.poll(() => page.locator('tbody tr:visible').count()).toBe(0)
    await page.check('input[value=anonymous]')
    await expect.poll(() => page.locator('tbody tr:visible').count()).toBeGreaterThan(0)
    await page.check('input[value=all]')
    await page.fill('input[name=search]', 'hostile')
    await expect.poll(() => page.locator('tbody tr:visible').count()).toBe(1)
    await page.fill('input[name=search]', '')
    await page.screenshot({path: path.join(shots, 'index.png')})
    expect(readFileSync(path.join(shots, 'index.png')).length).toBeGreaterThan(10_000)
  })

  it('keeps the DOM contract: sentences, attribution roles, source types, a form inside each body sentence', async () => {
    const page = await open('/article?path=trade.yaml')
    const annotation = annotationOf('trade')
    expect(await page.locator('[data-sentence]').count()).toBe(annotation.sentences.length)
    for (const sentence of annotation.sentences) {
      const element = page.locator(`[data-sentence="${sentence.id}"]`)
      for (const attribution of sentence.attributions) {
        const cue = element.locator(`[data-attribution="${attribution.id}"][data-role="cue"]`)
        expect((await cue.allTextContents()).join('')).toBe(attribution.cue.text)
        const content = (await element.locator(`[data-attribution="${attribution.id}"][data-role="content"]`).allTextContents()).join('')
        expect(content.replace(/\s+/gu, ' ')).toBe([attribution.content.text, ...(attribution.content.more ?? []).map((part) => part.text)].join('').replace(/\s+/gu, ' '))
        if (attribution.source) {
          const source = element.locator(`[data-attribution="${attribution.id}"][data-role="source"]`)
          expect((await source.allTextContents()).join('')).toBe(attribution.source.text)
          expect(await source.first().getAttribute('data-source-type')).toBe(attribution.source.type)
        }
      }
      const form = element.locator('form')
      if (sentence.kind === 'body') {
        expect(await form.locator('select[name=status]').count()).toBe(1)
        expect(await form.locator('textarea[name=note]').count()).toBe(1)
        expect(await form.locator('button[type=submit]').count()).toBe(1)
      } else expect(await form.count()).toBe(0)
    }
    expect(await page.locator('.sentence.kind-furniture').count()).toBe(annotation.sentences.filter((sentence) => sentence.kind === 'furniture').length)
    expect(await page.locator('[role=alert]').count()).toBe(1)
    await page.screenshot({path: path.join(shots, 'article.png')})
    expect(readFileSync(path.join(shots, 'article.png')).length).toBeGreaterThan(10_000)
  })

  it('reviews by keyboard: next claim, a status key, a note, save; the file passes --check after', async () => {
    const page = await open('/article?path=trade.yaml')
    const claims = annotationOf('trade').sentences.filter((sentence) => sentence.claim.score >= 0.5)
    await page.locator('body').click({position: {x: 5, y: 5}})
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    const second = claims[1]!
    await expect.poll(() => page.locator('.sentence.current').getAttribute('data-sentence')).toBe(second.id)
    await page.keyboard.press('3')
    const form = page.locator(`[data-sentence="${second.id}"] form`)
    expect(await form.locator('select[name=status]').inputValue()).toBe('false')
    await form.locator('textarea[name=note]').fill('The agency says\nthe talks ended.')
    await form.locator('textarea[name=note]').press('Control+Enter')
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain(`Saved ${second.id} (false)`)
    const review = annotationOf('trade').sentences.find((sentence) => sentence.id === second.id)!.review
    expect(review).toMatchObject({status: 'false', note: 'The agency says\nthe talks ended.', reviewer: 'Test Reviewer', date: '2026-12-06'})
    expect(readFileSync(path.join(work, 'annotations/trade.yaml'), 'utf8')).toContain('      note: |-\n        The agency says\n        the talks ended.\n')
    expect(checkPasses('trade')).toBe(true)
    // The key `s` saves the current sentence too.
    await page.locator('body').click({position: {x: 5, y: 5}})
    await page.keyboard.press('j')
    await page.keyboard.press('1')
    await page.keyboard.press('s')
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('(verified)')
    expect(checkPasses('trade')).toBe(true)
  })

  it('rejects an attribution and adds a missed one from the selected text', async () => {
    const page = await open('/article?path=trade.yaml')
    const sentence = annotationOf('trade').sentences.find((item) => item.kind === 'body' && item.attributions.length > 0)!
    const element = page.locator(`[data-sentence="${sentence.id}"]`)
    const form = element.locator('form')
    await form.locator('summary').click()
    await form.locator(`input[name=rejected][value="${sentence.attributions[0]!.id}"]`).check()
    const select = async (text: string): Promise<void> => {
      await page.evaluate(
        ({id, wanted}) => {
          const paragraph = document.querySelector(`[data-sentence="${id}"] .text`)!
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
          let all = ''
          const nodes: Array<{node: Text; from: number}> = []
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            nodes.push({node: node as Text, from: all.length})
            all += node.textContent
          }
          const start = all.indexOf(wanted)
          const end = start + wanted.length
          const at = (offset: number): [Text, number] => {
            const hit = [...nodes].reverse().find((item) => item.from <= offset)!
            return [hit.node, offset - hit.from]
          }
          const range = document.createRange()
          range.setStart(...at(start))
          range.setEnd(...at(end))
          const selection = window.getSelection()!
          selection.removeAllRanges()
          selection.addRange(range)
        },
        {id: sentence.id, wanted: text}
      )
    }
    const words = sentence.text.split(' ')
    const added = form.locator('fieldset.added').last()
    await select(words.slice(0, 2).join(' '))
    await added.locator('button[data-take=content]').click()
    await select(words[2]!)
    await added.locator('button[data-take=cue]').click()
    await added.locator('input[name=added-note]').fill('the tool missed it')
    await form.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain(`Saved ${sentence.id}`)
    const review = annotationOf('trade').sentences.find((item) => item.id === sentence.id)!.review
    expect(review.rejected).toEqual([sentence.attributions[0]!.id])
    expect(review.added).toEqual([{source: '', cue: words[2]!.replace(/[,.]$/u, ''), content: words.slice(0, 2).join(' '), note: 'the tool missed it'}])
    expect(checkPasses('trade')).toBe(true)
  })

  it('merges a change made on disk since the page loaded, and refuses, showing both values, where both changed one field', async () => {
    const page = await open('/article?path=trade.yaml')
    const [first, second] = annotationOf('trade').sentences.filter((sentence) => sentence.kind === 'body')
    // Someone else (an editor, a git pull) reviews while the page is open.
    const file = path.join(work, 'annotations/trade.yaml')
    const empty = '      status: unreviewed\n      reviewer: ""\n      date: ""\n      note: ""\n'
    let text = readFileSync(file, 'utf8')
    const at = (id: string): number => text.indexOf(empty, text.indexOf(`  - id: "${id}"`))
    text = text.slice(0, at(first!.id)) + '      status: unreviewed\n      reviewer: "Editor"\n      date: ""\n      note: "their note"\n' + text.slice(at(first!.id) + empty.length)
    text = text.slice(0, at(second!.id)) + '      status: verified\n      reviewer: "Editor"\n      date: ""\n      note: ""\n' + text.slice(at(second!.id) + empty.length)
    writeFileSync(file, text)

    // Another field of the same sentence: merged, and their note is kept.
    const firstForm = page.locator(`[data-sentence="${first!.id}"] form`)
    await firstForm.locator('select[name=status]').selectOption('disputed')
    await firstForm.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain(`Saved ${first!.id} (disputed)`)
    expect(annotationOf('trade').sentences.find((sentence) => sentence.id === first!.id)!.review).toMatchObject({status: 'disputed', note: 'their note', reviewer: 'Editor'})

    // The same field, changed both ways: refused, both values shown, the file unchanged.
    const before = readFileSync(file, 'utf8')
    const secondForm = page.locator(`[data-sentence="${second!.id}"] form`)
    await secondForm.locator('select[name=status]').selectOption('false')
    await secondForm.locator('button[type=submit]').click()
    const alert = page.locator('[role=alert]')
    await expect.poll(() => alert.textContent()).toContain(`Not saved: ${second!.id} changed on disk`)
    expect(await alert.textContent()).toContain('status: yours "false"; on disk "verified"')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('shows an article’s markup as text and runs none of it', async () => {
    const page = await open('/article?path=hostile.yaml')
    expect(await page.evaluate(() => (window as unknown as {hacked?: number}).hacked)).toBeUndefined()
    expect(await page.locator('.text img, .text b, .text script').count()).toBe(0)
    expect(await page.locator('[data-sentence]').first().textContent()).toContain('<script>window.hacked = 1</script>')
  })
})
