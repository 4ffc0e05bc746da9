/** A stretch of the original file: `file.value.slice(start, end) === text`. */
export interface Span {
  start: number
  end: number
  text: string
}

export type SourceType =
  | 'named-person'
  | 'named-organisation'
  | 'unnamed-person'
  | 'unnamed-group'
  | 'document'
  | 'pronoun'

export interface Source extends Span {
  type: SourceType
  /** True for unnamed people and groups: the reader cannot tell who they are. */
  anonymous: boolean
  /** What the text gives as the source's grounds to know ("familiar with the talks"). */
  basis: Span | null
  /**
   * For a pronoun source ("he", "she"): the person named earlier it most
   * likely is, or null when no one fits. Set by retextSpeakers.
   */
  refersTo?: Span | null
}

export interface Attribution {
  /** Start offset of the sentence the cue stands in. */
  sentence: number
  /** Which rule found it, for reports and evaluation; `model` when only the attribution tagger did. */
  rule: string
  /** The attribution tagger's probability that the cue is one (0–1); absent when the tagger did not run. */
  confidence?: number
  source: Source | null
  cue: Span
  /** One span, or several when the attribution interrupts its content. */
  content: Span[]
}

export type FurnitureKind =
  | 'promo'
  | 'navigation'
  | 'related-headline'
  | 'newsletter'
  | 'editors-note'
  | 'trailer'
  // From the markup of Markdown and HTML articles:
  | 'byline'
  | 'caption'
  | 'aside'
  | 'footer'
  | 'code'

export interface FurnitureRange {
  kind: FurnitureKind
  start: number
  end: number
}

export interface Dateline extends Span {
  /** The whole dateline sentence ("BEIJING —"), of which `text` is the place. */
  sentence: {start: number; end: number}
}

declare module 'vfile' {
  interface DataMap {
    /** Headings of a Markdown or HTML article: recorded as such, never claims. */
    headings: Array<{start: number; end: number}>
    /** The HTML document's <title>. */
    title: Span
    dateline: Dateline
    furniture: FurnitureRange[]
    attributions: Attribution[]
    /**
     * The part of the file this run parses and analyses: a long article is
     * annotated a section at a time (see `annotate`). Plugins keep what
     * earlier sections found on `file.data`; a dateline is looked for only
     * until a section has had a paragraph of the body.
     */
    section: Section
  }
}

/**
 * A stretch of a file from `start` (on line `line`) to `end`: whole lines of
 * plain text (`start` the first offset of its line), or whole Markdown or
 * HTML blocks (`start` where the first block starts).
 */
export interface Section {
  start: number
  end: number
  line: number
}
