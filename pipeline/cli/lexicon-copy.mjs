// The compiled copy of a lexicon that the build writes beside it (name.yml.json) and
// pipeline/lexicon.ts reads instead of parsing the YAML at every start. Plain JavaScript: the
// build runs it before anything is compiled.
import {createHash} from 'node:crypto'
import {isScalar, parseDocument, visit} from 'yaml'

/**
 * The copy's text for a lexicon's YAML text, or null when it gets none: a
 * lexicon with a mistake, an alias or a key that is not a plain value is
 * read from the YAML at run time, which reports what is wrong at its line
 * and column (a copy would hide an alias as the value it stands for).
 */
export function lexiconCopy(text) {
  const document = parseDocument(text, {uniqueKeys: true})
  if (document.errors.length > 0) return null
  let plain = true
  visit(document, {
    Alias: () => {
      plain = false
      return visit.BREAK
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key)) return undefined
      plain = false
      return visit.BREAK
    }
  })
  if (!plain) return null
  const sha256 = createHash('sha256').update(text).digest('hex')
  return JSON.stringify({sha256, data: document.toJS()}) + '\n'
}
