import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** A vfile message as plain data, to cross from a worker thread and be rebuilt for the reporter. */
export interface PlainMessage {
  reason: string
  place: {start: {line: number; column: number}; end?: {line: number; column: number}} | undefined
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  note: string | undefined
}

export function plain(message: VFileMessage): PlainMessage {
  const place = message.place
  let where: PlainMessage['place']
  if (place && 'start' in place) {
    where = {start: {line: place.start.line, column: place.start.column}, end: {line: place.end.line, column: place.end.column}}
  } else if (place) {
    where = {start: {line: place.line, column: place.column}}
  }
  return {reason: message.reason, place: where, ruleId: message.ruleId, source: message.source, fatal: message.fatal, note: message.note}
}

/** Rebuild a plain message on a vfile, for vfile-reporter. */
export function restore(file: VFile, message: PlainMessage): void {
  const place = message.place
  const options = {
    place: place ? (place.end ? {start: place.start, end: place.end} : place.start) : undefined,
    ...(message.ruleId === undefined ? {} : {ruleId: message.ruleId}),
    ...(message.source === undefined ? {} : {source: message.source})
  }
  const restored = file.message(message.reason, options)
  restored.fatal = message.fatal
  if (message.note !== undefined) restored.note = message.note
}
