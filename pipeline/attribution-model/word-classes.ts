// The WordNet word classes of a token, for the attribution model's features: "blasted", "quipped"
// and "said" all give verb.communication, so a cue word the training articles hold once is weighed
// by its class. The classes come from data/word-classes.json (built by word-classes-build.ts);
// an inflected form is lemmatised as WordNet's morphy does, per part of speech.
import {readFileSync} from 'node:fs'

/** The file's shape (see its header). */
interface WordClassesFile {
  classes: string[]
  lemmas: Record<string, number[]>
  exceptions: Partial<Record<'noun' | 'verb', Record<string, string[]>>>
}

type Rules = ReadonlyArray<readonly [suffix: string, ending: string]>

// WordNet's detachment rules (morphy), per part of speech.
const nounRules: Rules = [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']]
const verbRules: Rules = [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']]
const adjRules: Rules = [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']]

/** Past this many words the memo starts again: an article's vocabulary is far smaller. */
const memoLimit = 50_000
const none: readonly number[] = Object.freeze([])
const defaultUrl = new URL('./data/word-classes.json', import.meta.url)
const loaded = new Map<string, WordClasses>()

export class WordClasses {
  /** The class names; a class id is an index into this list. */
  readonly names: readonly string[]
  /** Lemma → its class ids: the parsed object itself, without a prototype (building a Map of it would double the load time). */
  private readonly lemmas: Record<string, readonly number[] | undefined>
  private readonly nounExceptions: Map<string, readonly string[]>
  private readonly verbExceptions: Map<string, readonly string[]>
  private readonly masks: {noun: number; verb: number; adj: number; adv: number}
  private readonly memo = new Map<string, readonly number[]>()
  /** One frozen id list per bit set, shared by every word that has it. */
  private readonly lists = new Map<number, readonly number[]>([[0, none]])

  /** The word classes of a file, read once per process (the default: data/word-classes.json). */
  static load(url: URL = defaultUrl): WordClasses {
    let classes = loaded.get(url.href)
    if (classes === undefined) {
      classes = new WordClasses(JSON.parse(readFileSync(url, 'utf8')) as WordClassesFile, url.href)
      loaded.set(url.href, classes)
    }
    return classes
  }

  private constructor(file: WordClassesFile, where: string) {
    // A bit set in a small integer: up to 31 classes.
    if (!Array.isArray(file.classes) || file.classes.length > 31) throw new Error(`${where}: expected at most 31 classes`)
    this.names = Object.freeze([...file.classes])
    const maskOf = (prefix: string): number => this.names.reduce((mask, name, id) => (name.startsWith(prefix) ? mask | (1 << id) : mask), 0)
    this.masks = {noun: maskOf('noun.'), verb: maskOf('verb.'), adj: maskOf('adj.'), adv: maskOf('adv.')}
    // Ids are checked where the file is built and tested; one out of range would be left out here.
    this.lemmas = Object.setPrototypeOf(file.lemmas, null) as Record<string, readonly number[] | undefined>
    this.nounExceptions = new Map(Object.entries(file.exceptions.noun ?? {}))
    this.verbExceptions = new Map(Object.entries(file.exceptions.verb ?? {}))
  }

  /**
   * The class ids of a lower-case word form, sorted: the union over the lemmas that WordNet's
   * morphy finds for it as a noun, a verb, an adjective or an adverb, each lemma giving only its
   * classes of that part of speech. The same frozen array for the same classes; none: empty.
   */
  classesOf(lower: string): readonly number[] {
    const known = this.memo.get(lower)
    if (known !== undefined) return known
    const own = this.maskOf(lower)
    let mask = own & this.masks.adv
    // Morphy leaves a noun in -ss, or of two letters or less, as it is ("press", "us").
    const nounDetaches = lower.length > 2 && !lower.endsWith('ss')
    mask |= this.partOfSpeech(lower, own, this.masks.noun, this.nounExceptions, nounDetaches ? nounRules : [])
    mask |= this.partOfSpeech(lower, own, this.masks.verb, this.verbExceptions, verbRules)
    mask |= this.partOfSpeech(lower, own, this.masks.adj, undefined, adjRules)
    const ids = this.listOf(mask)
    if (this.memo.size >= memoLimit) this.memo.clear()
    this.memo.set(lower, ids)
    return ids
  }

  /** The classes of one part of speech: the form's own, and its exception's lemmas or else its detached forms'. */
  private partOfSpeech(form: string, own: number, pos: number, exceptions: Map<string, readonly string[]> | undefined, rules: Rules): number {
    let mask = own & pos
    const bases = exceptions?.get(form)
    if (bases !== undefined) {
      for (const base of bases) mask |= this.maskOf(base) & pos
      return mask
    }
    for (const [suffix, ending] of rules) {
      if (form.length <= suffix.length || !form.endsWith(suffix)) continue
      mask |= this.maskOf(form.slice(0, form.length - suffix.length) + ending) & pos
    }
    return mask
  }

  /** A lemma's classes as a bit set (bit i: class id i); 0 for a word that is no lemma. */
  private maskOf(lemma: string): number {
    const ids = this.lemmas[lemma]
    if (ids === undefined) return 0
    let mask = 0
    for (const id of ids) mask |= 1 << id
    return mask
  }

  private listOf(mask: number): readonly number[] {
    let list = this.lists.get(mask)
    if (list === undefined) {
      const ids: number[] = []
      for (let id = 0; id < this.names.length; id++) if ((mask & (1 << id)) !== 0) ids.push(id)
      list = Object.freeze(ids)
      this.lists.set(mask, list)
    }
    return list
  }
}
