import path from 'node:path'
import type {VFile} from 'vfile'

/**
 * The report's errors and warnings as GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…::message`), one a line, so GitHub shows
 * each on its line of the pull request. Paths are relative to `root` (the
 * repository: GITHUB_WORKSPACE on a runner), with forward slashes. Infos
 * are left out: they are the report, not findings to act on.
 */
export function workflowCommands(files: VFile[], root: string): string {
  let out = ''
  for (const file of files) {
    const where = file.path ? path.relative(root, path.resolve(file.cwd, file.path)).split(path.sep).join('/') : undefined
    for (const message of file.messages) {
      if (message.fatal !== true && message.fatal !== false) continue
      const properties: string[] = []
      if (where !== undefined) properties.push(`file=${property(where)}`)
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'start' in place ? place.end : undefined
      if (start?.line !== undefined) {
        properties.push(`line=${start.line}`, `col=${start.column}`)
        if (end && end.line !== undefined && (end.line !== start.line || end.column !== start.column)) {
          properties.push(`endLine=${end.line}`, `endColumn=${end.column}`)
        }
      }
      const title = [message.source, message.ruleId].filter(Boolean).join(': ')
      if (title) properties.push(`title=${property(title)}`)
      out += `::${message.fatal ? 'error' : 'warning'} ${properties.join(',')}::${data(message.reason)}\n`
    }
  }
  return out
}

/** A command's message: %, CR and LF escaped, as the runner expects. */
function data(value: string): string {
  return value.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A')
}

/** A command's property value: also ':' and ',', which end a property. */
function property(value: string): string {
  return data(value).replace(/:/gu, '%3A').replace(/,/gu, '%2C')
}
