import {Lexicon, lowerSet} from '../lexicon.ts'
import {Phrases, phraseWords} from './tokens.ts'

/** How a cue verb takes its content: a clause ("said that …"), an object ("denied the report"), or an audience first ("told reporters …"). */
export type Frame = 'clause' | 'object' | 'tell'

/**
 * The word lists of `data/cues.yml`, as the attribution rules read them:
 * loaded once, when the plugin is attached, and never changed after.
 */
export interface CueLexicon {
  /** Every form of a cue verb, and how it takes its content. */
  readonly frames: ReadonlyMap<string, Frame>
  /** Forms of clause verbs whose content is read as an object ("called it …"). */
  readonly clauseObjectForms: ReadonlySet<string>
  /** Forms of clause verbs that report only with a complement ("noted that …"). */
  readonly needsComplement: ReadonlySet<string>
  /** Phrasal cues ("pointed out", "referring to"), their words joined by spaces, and how they take their content. */
  readonly phrasalFrames: ReadonlyMap<string, Frame>
  readonly phrasalPhrases: Phrases
  readonly adjunctParticiples: ReadonlySet<string>
  readonly inverting: ReadonlySet<string>
  readonly nounMarkers: ReadonlySet<string>
  readonly appositiveTitles: ReadonlySet<string>
  readonly parentheticalAdverbs: Phrases
  readonly neverNouns: ReadonlySet<string>
  readonly subordinators: ReadonlySet<string>
  readonly evidenceVerbs: ReadonlySet<string>
  readonly prepositions: ReadonlySet<string>
  readonly questionWords: ReadonlySet<string>
  readonly raisingVerbs: ReadonlySet<string>
  readonly seemingVerbs: ReadonlySet<string>
  readonly notPredicates: ReadonlySet<string>
  readonly sourceFollows: Phrases
  readonly notASource: Phrases
  readonly nominal: ReadonlySet<string>
  readonly surveys: ReadonlySet<string>
  readonly surveyDetails: ReadonlySet<string>
  readonly nominalMakers: ReadonlySet<string>
  readonly possessedNouns: Phrases
  readonly colonNotSources: Phrases
  readonly possessives: ReadonlySet<string>
  readonly auxiliaries: ReadonlySet<string>
  readonly adverbs: ReadonlySet<string>
  /** Auxiliaries and adverbs: the words between a subject and its verb. */
  readonly skippable: ReadonlySet<string>
  readonly passive: ReadonlySet<string>
  readonly lyNouns: ReadonlySet<string>
  readonly timeWords: ReadonlySet<string>
  readonly messageVerbs: ReadonlySet<string>
  readonly timeModifiers: ReadonlySet<string>
  readonly boundaries: ReadonlySet<string>
  readonly discourseMarkers: Phrases
  readonly objectStops: ReadonlySet<string>
  readonly adjunctStarters: ReadonlySet<string>
  readonly audiences: Phrases
  readonly naming: ReadonlySet<string>
  readonly needsAs: ReadonlySet<string>
  readonly hearsay: ReadonlySet<string>
  readonly notCues: Phrases
}

/**
 * Reads `data/cues.yml` into the lists the rules use. A form listed in two
 * of the verb sections (clause, object, tell) is an error.
 */
export function loadCueLexicon(): CueLexicon {
  const cues = new Lexicon(new URL('./data/cues.yml', import.meta.url))
  const frames = new Map<string, Frame>()
  const objectFirst = lowerSet(cues.strings('object-first'))
  const clauseObjectForms = new Set<string>()
  for (const [section, frame] of [['clause', 'clause'], ['object', 'object'], ['tell', 'tell']] as const) {
    for (const [lemma, forms] of cues.groups(section)) {
      for (const form of forms) {
        if (frames.has(form)) throw new Error(`${cues.path}: \`${form}\` is listed in two sections`)
        frames.set(form, frame)
        if (objectFirst.has(lemma)) clauseObjectForms.add(form)
      }
    }
  }
  const needsComplement = new Set<string>()
  const needsComplementLemmas = lowerSet(cues.strings('needs-complement'))
  for (const [lemma, forms] of cues.groups('clause')) {
    if (needsComplementLemmas.has(lemma)) for (const form of forms) needsComplement.add(form)
  }
  const phrasalFrames = new Map<string, Frame>()
  for (const [section, frame] of [['phrasal-clause', 'clause'], ['phrasal-object', 'object']] as const) {
    for (const phrase of cues.strings(section)) phrasalFrames.set(phraseWords(phrase).join(' '), frame)
  }
  const phrasalPhrases = new Phrases(phrasalFrames.keys())
  const adjunctParticiples = lowerSet(cues.strings('adjunct-participles'))
  const inverting = lowerSet(cues.strings('inverting'))
  const nounMarkers = lowerSet(cues.strings('noun-markers'))
  const appositiveTitles = lowerSet(cues.strings('appositive-titles'))
  const parentheticalAdverbs = new Phrases(cues.strings('parenthetical-adverbs'))
  const neverNouns = lowerSet(cues.strings('never-nouns'))
  const subordinators = lowerSet(cues.strings('subordinators'))
  const evidenceVerbs = lowerSet(cues.strings('evidence-verbs'))
  const prepositions = lowerSet(cues.strings('prepositions'))
  const questionWords = lowerSet(cues.strings('question-words'))
  const raisingVerbs = lowerSet(cues.strings('raising'))
  const seemingVerbs = lowerSet(cues.strings('seeming'))
  const notPredicates = lowerSet(cues.strings('not-predicates'))
  const sourceFollows = new Phrases(cues.strings('source-follows'))
  const notASource = new Phrases(cues.strings('not-a-source'))
  const nominal = lowerSet(cues.strings('nominal'))
  const surveys = lowerSet(cues.strings('surveys'))
  const surveyDetails = lowerSet(cues.strings('survey-details'))
  const nominalMakers = lowerSet(cues.strings('nominal-makers'))
  const possessedNouns = new Phrases(cues.strings('possessed-nominal'))
  const colonNotSources = new Phrases(cues.strings('colon-not-sources'))
  const possessives = lowerSet(cues.strings('possessives'))
  const auxiliaries = lowerSet(cues.strings('auxiliaries'))
  const adverbs = lowerSet(cues.strings('adverbs'))
  const skippable = new Set([...auxiliaries, ...adverbs])
  const passive = lowerSet(cues.strings('passive'))
  const lyNouns = lowerSet(cues.strings('ly-nouns'))
  const timeWords = lowerSet(cues.strings('time-words'))
  const messageVerbs = lowerSet(cues.strings('message-verbs'))
  const timeModifiers = lowerSet(cues.strings('time-modifiers'))
  const boundaries = lowerSet(cues.strings('clause-boundaries'))
  const discourseMarkers = new Phrases(cues.strings('discourse-markers'))
  const objectStops = lowerSet(cues.strings('object-stops'))
  const adjunctStarters = lowerSet(cues.strings('adjunct-starters'))
  const audiences = new Phrases(cues.strings('audiences'))
  const naming = lowerSet(cues.strings('naming'))
  const needsAs = lowerSet(cues.strings('needs-as'))
  const hearsay = lowerSet(cues.strings('hearsay'))
  const notCues = new Phrases(cues.strings('not-cues'))
  return {
    frames,
    clauseObjectForms,
    needsComplement,
    phrasalFrames,
    phrasalPhrases,
    adjunctParticiples,
    inverting,
    nounMarkers,
    appositiveTitles,
    parentheticalAdverbs,
    neverNouns,
    subordinators,
    evidenceVerbs,
    prepositions,
    questionWords,
    raisingVerbs,
    seemingVerbs,
    notPredicates,
    sourceFollows,
    notASource,
    nominal,
    surveys,
    surveyDetails,
    nominalMakers,
    possessedNouns,
    colonNotSources,
    possessives,
    auxiliaries,
    adverbs,
    skippable,
    passive,
    lyNouns,
    timeWords,
    messageVerbs,
    timeModifiers,
    boundaries,
    discourseMarkers,
    objectStops,
    adjunctStarters,
    audiences,
    naming,
    needsAs,
    hearsay,
    notCues
  }
}
