/** Why an article's bytes cannot be annotated, with the offending byte's place. */
export interface ReadProblem {
  reason: string
  /** Byte offset of the problem, when there is one place to point at. */
  byte?: number
}

/**
 * Decode an article's bytes as UTF-8, refusing what cannot be annotated:
 * empty files, binary files (NUL bytes) and invalid UTF-8. The byte order
 * mark is kept so offsets stay true to the file.
 */
export function decodeArticle(bytes: Uint8Array): {text: string} | {problem: ReadProblem} {
  if (bytes.length === 0) return {problem: {reason: 'empty file: expected an article in UTF-8 plain text'}}
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {problem: {reason: `binary file (NUL byte at byte ${nul}): expected UTF-8 plain text`, byte: nul}}
  }
  const invalid = firstInvalidUtf8(bytes)
  if (invalid !== undefined) {
    const value = bytes[invalid]!.toString(16).padStart(2, '0')
    return {
      problem: {reason: `not UTF-8: invalid byte 0x${value} at byte ${invalid}; convert the file to UTF-8 (for example with iconv)`, byte: invalid}
    }
  }
  const text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  if (text.replace(/^\ufeff/u, '').trim() === '') {
    return {problem: {reason: 'empty file: only white space, expected an article'}}
  }
  return {text}
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    let length: number
    let min: number
    if (lead < 0x80) {
      index++
      continue
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2
      min = 0x80
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      min = 0x800
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      min = 0x10000
    } else {
      return index
    }
    let codePoint = lead & (0xff >> (length + 1))
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index
    index += length
  }
  return undefined
}

/** Line and column (1-based, in characters) of a byte offset in valid-so-far UTF-8. */
export function bytePlace(bytes: Uint8Array, byte: number): {line: number; column: number} {
  let line = 1
  let column = 1
  for (let index = 0; index < byte; index++) {
    const value = bytes[index]!
    if (value === 0x0a) {
      line++
      column = 1
    } else if ((value & 0xc0) !== 0x80) {
      column++
    }
  }
  return {line, column}
}
