import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {type IncomingMessage, type Server, type ServerResponse, createServer} from 'node:http'
import {readAnnotation} from '../review/read.ts'
import {clientScript} from './client.ts'
import type {Folders} from './files.ts'
import {type IndexEntry, articlePage, escapeHtml, indexPage} from './pages.ts'
import {type Signature, isReview, saveReview} from './save.ts'
import {stylesheet} from './style.ts'

/** The app's pages and assets load nothing from elsewhere and run no inline script. */
const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store'
}

/** Largest request body taken: one sentence's review. */
const maxBody = 1 << 20

/** Today in the reviewer's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `git config user.name` in `cwd`, or '' where git or the setting is missing. */
export function gitUserName(cwd: string): string {
  const result = spawnSync('git', ['config', 'user.name'], {cwd, encoding: 'utf8'})
  return result.status === 0 ? result.stdout.trim() : ''
}

/** Read every annotation for the index; one that cannot be read is listed with why. */
export async function indexEntries(folders: Folders, href: (path: string) => string): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = []
  for (const path of await folders.annotationList()) {
    try {
      const read = readAnnotation(await folders.readAnnotationText(path))
      if ('annotation' in read) entries.push({path, href: href(path), annotation: read.annotation})
      else entries.push({path, href: href(path), problem: `${read.problems.length} problem(s); first at ${read.problems[0]!.line}:${read.problems[0]!.column}: ${read.problems[0]!.message}`})
    } catch (error) {
      entries.push({path, href: href(path), problem: (error as Error).message})
    }
  }
  return entries
}

/**
 * The review app: serves the index, each article's page and the assets,
 * and saves reviews. Only to this machine: it answers requests whose Host is
 * its own address and port (against DNS rebinding), takes a save only from
 * its own pages (Origin, and JSON, which a cross-site form cannot send),
 * and reads and writes only under the annotations and seeds folders.
 */
export function reviewServer(folders: Folders, options: {signature?: Signature} = {}): Server {
  const reviewer = gitUserName(folders.cwd)
  let port = 0
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain; charset=utf-8', `internal error: ${String(error)}`))
  })
  server.on('listening', () => {
    const address = server.address()
    if (address && typeof address === 'object') port = address.port
  })
  const hosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!hosts().includes(request.headers.host ?? '')) {
      return send(response, 421, 'text/plain; charset=utf-8', 'refused: this app answers only to its own address (127.0.0.1 or localhost, with its port)')
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    if (request.method === 'POST' && url.pathname === '/api/review') return save(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed')
    if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '')
    if (url.pathname === '/app.css') return send(response, 200, 'text/css; charset=utf-8', stylesheet)
    if (url.pathname === '/app.js') return send(response, 200, 'text/javascript; charset=utf-8', clientScript())
    if (url.pathname === '/') {
      const entries = await indexEntries(folders, (path) => `/article?path=${encodeURIComponent(path)}`)
      return send(response, 200, 'text/html; charset=utf-8', indexPage(entries, {interactive: true, assets: '/'}))
    }
    if (url.pathname === '/article') {
      const path = url.searchParams.get('path') ?? ''
      const target = folders.annotation(path)
      if ('refused' in target) return send(response, 403, 'text/html; charset=utf-8', `<!doctype html><p>Refused: ${escapeHtml(path)}: ${escapeHtml(target.refused)}</p>`)
      let text: string
      try {
        text = await readFile(target.file, 'utf8')
      } catch {
        return send(response, 404, 'text/html; charset=utf-8', `<!doctype html><p>No annotation ${escapeHtml(path)}</p>`)
      }
      const read = readAnnotation(text)
      if (!('annotation' in read)) {
        const list = read.problems.map((problem) => `<li>${problem.line}:${problem.column} ${escapeHtml(problem.message)}</li>`).join('')
        return send(response, 422, 'text/html; charset=utf-8', `<!doctype html><p>${escapeHtml(path)} cannot be reviewed until it is fixed:</p><ul>${list}</ul>`)
      }
      return send(response, 200, 'text/html; charset=utf-8', articlePage(path, read.annotation, {interactive: true, assets: '/', index: '/'}))
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'not found')
  }

  const save = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const origin = request.headers.origin
    if (origin === undefined || !hosts().some((host) => origin === `http://${host}`)) {
      return json(response, 403, {problem: 'refused: a save is taken only from this app’s own pages (Origin)'})
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return json(response, 415, {problem: 'expected JSON'})
    let body = ''
    for await (const chunk of request) {
      body += String(chunk)
      if (body.length > maxBody) return json(response, 413, {problem: 'request too large'})
    }
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      return json(response, 400, {problem: 'not JSON'})
    }
    const fields = value as Record<string, unknown>
    if (typeof fields['path'] !== 'string' || typeof fields['sentence'] !== 'string' || !isReview(fields['base']) || !isReview(fields['review'])) {
      return json(response, 400, {problem: 'expected {path, sentence, base, review}'})
    }
    const signature = options.signature ?? {reviewer, today: today()}
    const result = await saveReview(folders, {path: fields['path'], sentence: fields['sentence'], base: fields['base'], review: fields['review']}, signature)
    if ('problem' in result) return json(response, result.status, {problem: result.problem})
    if ('conflicts' in result) return json(response, 409, result)
    return json(response, 200, result)
  }
  return server
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {...securityHeaders, 'content-type': type, 'content-length': Buffer.byteLength(body)})
  response.end(body)
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value))
}
