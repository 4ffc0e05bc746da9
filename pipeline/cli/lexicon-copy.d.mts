/** The compiled copy's text for a lexicon's YAML text, or null when it gets none. */
export function lexiconCopy(text: string): string | null
