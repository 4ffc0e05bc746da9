import type {Annotation} from '../annotation/model.ts'

/** One field whose value in the annotation file is not what the pipeline computes now. */
export interface FieldDifference {
  /** The field as a reader names it: `s-68ee992578 claim.score`, `counts.claims`. */
  where: string
  /** Where the field is in the file's YAML (its keys and list indices), to find its line. */
  path: Array<string | number>
  /** The value in the file; undefined when the file lacks it. */
  inFile: unknown
  /** The value computed now; undefined when the pipeline no longer writes it. */
  computed: unknown
}

/** The model's names that the YAML spells otherwise. */
const yamlNames: Record<string, string> = {needsRecheck: 'needs_recheck', previousText: 'previous_text', refersTo: 'refers_to'}

const yamlName = (key: string): string => yamlNames[key] ?? key

/**
 * Every field in which an annotation read from its file differs from the
 * annotation computed now (both as read back from YAML, so both speak the
 * same types), sentences and attributions matched by id. Formatting is not
 * a difference: two annotations that mean the same have none.
 */
export function differences(file: Annotation, computed: Annotation): FieldDifference[] {
  const found: FieldDifference[] = []
  compareValue(file.article, computed.article, 'article', ['article'], found)
  compareValue(file.counts, computed.counts, 'counts', ['counts'], found)

  const fileIndex = new Map(file.sentences.map((sentence, index) => [sentence.id, index]))
  const computedIds = new Set(computed.sentences.map((sentence) => sentence.id))
  for (const sentence of computed.sentences) {
    const index = fileIndex.get(sentence.id)
    if (index === undefined) {
      found.push({where: sentence.id, path: ['sentences'], inFile: undefined, computed: sentence.text})
      continue
    }
    const before = file.sentences[index]!
    const path = ['sentences', index]
    for (const key of ['kind', 'furniture', 'text', 'start', 'end'] as const) {
      compareValue(before[key], sentence[key], `${sentence.id} ${key}`, [...path, key], found)
    }
    const attributionIndex = new Map(before.attributions.map((attribution, position) => [attribution.id, position]))
    const computedAttributions = new Set(sentence.attributions.map((attribution) => attribution.id))
    for (const attribution of sentence.attributions) {
      const position = attributionIndex.get(attribution.id)
      if (position === undefined) {
        found.push({where: `${sentence.id} attribution ${attribution.id}`, path: [...path, 'attributions'], inFile: undefined, computed: attribution.cue.text})
        continue
      }
      const was = before.attributions[position]!
      for (const key of ['rule', 'source', 'cue', 'content'] as const) {
        compareValue(was[key], attribution[key], `${sentence.id} ${attribution.id} ${key}`, [...path, 'attributions', position, key], found)
      }
    }
    before.attributions.forEach((attribution, position) => {
      if (!computedAttributions.has(attribution.id)) {
        found.push({where: `${sentence.id} attribution ${attribution.id}`, path: [...path, 'attributions', position], inFile: attribution.cue.text, computed: undefined})
      }
    })
    compareValue(before.claim, sentence.claim, `${sentence.id} claim`, [...path, 'claim'], found)
    compareValue(before.review, sentence.review, `${sentence.id} review`, [...path, 'review'], found)
  }
  file.sentences.forEach((sentence, index) => {
    if (!computedIds.has(sentence.id)) found.push({where: sentence.id, path: ['sentences', index], inFile: sentence.text, computed: undefined})
  })
  const shared = (list: Annotation['sentences'], ids: Set<string> | Map<string, number>): string[] =>
    list.map((sentence) => sentence.id).filter((id) => ids.has(id))
  const fileOrder = shared(file.sentences, computedIds)
  const computedOrder = shared(computed.sentences, fileIndex)
  if (fileOrder.join() !== computedOrder.join()) {
    const at = fileOrder.findIndex((id, position) => id !== computedOrder[position])
    found.push({where: 'sentences (order)', path: ['sentences', fileIndex.get(fileOrder[at]!)!], inFile: fileOrder[at], computed: computedOrder[at]})
  }

  const obsoleteIndex = new Map(file.obsolete.map((item, index) => [item.id, index]))
  const computedObsolete = new Set(computed.obsolete.map((item) => item.id))
  for (const item of computed.obsolete) {
    const index = obsoleteIndex.get(item.id)
    if (index === undefined) found.push({where: `obsolete ${item.id}`, path: ['obsolete'], inFile: undefined, computed: item.text})
    else compareValue(file.obsolete[index], item, `obsolete ${item.id}`, ['obsolete', index], found)
  }
  file.obsolete.forEach((item, index) => {
    if (!computedObsolete.has(item.id)) found.push({where: `obsolete ${item.id}`, path: ['obsolete', index], inFile: item.text, computed: undefined})
  })
  return found
}

/** Objects are compared key by key, down to the field; anything else (lists too) as a whole. */
function compareValue(before: unknown, after: unknown, where: string, path: Array<string | number>, found: FieldDifference[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])]
    for (const key of keys) {
      if (key === 'id') continue
      const name = yamlName(key)
      compareValue(before[key], after[key], `${where}.${name}`, [...path, name], found)
    }
    return
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) found.push({where, path, inFile: before, computed: after})
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `s-68ee992578 claim.score: 0.111 in the file, 0.657 computed`. */
export function describeDifference(difference: FieldDifference): string {
  if (difference.inFile === undefined) return `${difference.where}: not in the file; computed now: ${show(difference.computed)}`
  if (difference.computed === undefined) return `${difference.where}: in the file (${show(difference.inFile)}), not computed now`
  return `${difference.where}: ${show(difference.inFile)} in the file, ${show(difference.computed)} computed`
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
