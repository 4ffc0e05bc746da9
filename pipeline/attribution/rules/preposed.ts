/**
 * Preposed cues: the source, its verb, then the content ("SOURCE said (that)
 * …"), and the "as" clause ("As The Times reported, …").
 *
 *   "The mayor said on Tuesday that the budget would be balanced."
 */

import type {Frame} from '../lexicon.ts'
import {isBreak, isCapitalised, isComma, isQuote, type Token} from '../tokens.ts'
import {
  appositiveChain,
  type Candidate,
  contentStart,
  coordinatedCue,
  findThat,
  isAdjunctParticiple,
  isOpening,
  isVerbCue,
  lastContentIndex,
  maxSourceTokens,
  objectOf,
  pushRange,
  type Range,
  type RuleContext,
  sentenceSubject,
  skipAudience,
  skipAuxLeft,
  skipDiscourseMarker,
  skipPreverbal,
  skipTime,
  trim
} from './shared.ts'

/**
 * "As The Times reported on Saturday, he has emerged as …", "…, as Comey
 * noted, people involved could still be charged": the "as" clause is the
 * attribution, and the rest of the sentence, before and after it, its content.
 */
export function asClause(context: RuleContext, tokens: Token[], verb: number, cueEnd: number): Candidate | undefined {
  const {boundaries} = context.lexicon
  const subjectEnd = skipAuxLeft(context, tokens, verb - 1)
  if (subjectEnd < 0 || !tokens[subjectEnd]!.word) return undefined
  let subjectStart = subjectEnd
  while (subjectStart > 0 && subjectEnd - subjectStart < 8) {
    const candidate = tokens[subjectStart - 1]!
    if (!candidate.word || boundaries.has(candidate.lower) || isVerbCue(context, tokens, subjectStart - 1)) break
    subjectStart--
  }
  const as = subjectStart - 1
  if (tokens[as]?.lower !== 'as') return undefined
  const opening = contentStart(context, tokens, 0)
  const before = tokens[as - 1]
  if (as !== opening && !(isComma(before) || before?.text === '—' || before?.text === '(')) return undefined
  const last = lastContentIndex(tokens)
  // The clause runs on through a short adjunct ("reported on Saturday", "told the Daily News").
  let end = cueEnd + 1
  while (end <= last && !isBreak(tokens[end]) && !isQuote(tokens[end])) {
    if (tokens[end]!.lower === 'that' || isVerbCue(context, tokens, end) || end - cueEnd > 8) return undefined
    end++
  }
  const content: Range[] = []
  if (as > opening) pushRange(content, trim(tokens, opening, as - 1))
  if (end < last) pushRange(content, trim(tokens, end + 1, last))
  if (content.length === 0) return undefined
  return {rule: 'preposed', cue: {from: verb, to: cueEnd}, source: {from: subjectStart, to: subjectEnd}, content}
}

/** "SOURCE said (that) …", "SOURCE, who …, praised the pledge", "SOURCE told reporters …". */
export function preposed(context: RuleContext, tokens: Token[], verb: number, frame: Frame, cueEnd: number): Candidate | undefined {
  const {frames, clauseObjectForms, needsComplement, parentheticalAdverbs, subordinators, evidenceVerbs, prepositions, questionWords, adverbs, skippable, passive, messageVerbs, boundaries, naming, needsAs} = context.lexicon
  const {typer} = context
  // "voters see Clinton as the stronger candidate": these verbs report a view only with "as".
  const seeAs = needsAs.has(tokens[verb]!.lower)
  if (seeAs) {
    let as = cueEnd + 1
    while (as < tokens.length && as - cueEnd <= 10 && tokens[as]!.word && tokens[as]!.lower !== 'as') as++
    if (tokens[as]?.lower !== 'as' || as === cueEnd + 1) return undefined
  }
  const previous = tokens[verb - 1]
  if (previous && passive.has(previous.lower) && !tokens[verb]!.lower.endsWith('ing')) return undefined
  // "…, saying that …": a participle after a comma is the participle rule's.
  if (isComma(previous) && isAdjunctParticiple(context, tokens, verb)) return undefined
  let subjectEnd = skipPreverbal(context, tokens, skipAuxLeft(context, tokens, verb - 1))
  if (subjectEnd < 0) return undefined
  // "He explained the headline by saying …", "Mrs. Clinton has gone further by proposing …": a
  // gerund after a preposition has the clause's subject for source, or none that is plain.
  // ("published the results by announcing …" keeps its message verb: see toAttribution).
  const gerund =
    tokens[verb]!.lower.endsWith('ing') &&
    prepositions.has(tokens[subjectEnd]!.lower) &&
    !skippable.has(tokens[verb - 1]!.lower) &&
    !tokens.slice(Math.max(0, verb - 10), verb).some((token) => messageVerbs.has(token.text))
  const gerundSubject = gerund ? sentenceSubject(context, tokens, subjectEnd) : null
  // "Sanders stood face-to-face with Clinton and said …": a coordinated verb shares the
  // sentence's subject; without a plain one, the attribution is left to the participle rule.
  let shared: Range | undefined
  if (tokens[subjectEnd]!.lower === 'and' && !tokens[verb]!.lower.endsWith('ing')) {
    // "In Iowa, Trump attacked Cruz and said …": else the subject after the last comma.
    let comma = subjectEnd - 1
    while (comma > 0 && !isComma(tokens[comma]) && !isQuote(tokens[comma])) comma--
    // The nearest clause's subject first: after a subordinator ("when Rubio thanked Miami and
    // said …"), after the last comma, then the sentence's.
    const afterComma = comma > 0 && isComma(tokens[comma]) ? sentenceSubject(context, tokens, subjectEnd, comma + 1) : null
    let subordinator = subjectEnd - 1
    while (subordinator > Math.max(comma, 0) && !subordinators.has(tokens[subordinator]!.lower)) subordinator--
    const afterSubordinator = subordinator > Math.max(comma, 0) ? sentenceSubject(context, tokens, subjectEnd, subordinator + 1) : null
    for (const subject of [afterSubordinator, afterComma, sentenceSubject(context, tokens, subjectEnd)]) {
      const opening = subject ? tokens[subject.from]!.lower : ''
      if (subject && subject.to < subjectEnd - 1 && !boundaries.has(opening) && !skippable.has(opening) && !prepositions.has(opening) && !frames.has(opening)) {
        shared = subject
        break
      }
    }
  }
  // "… “very charming” and called his standing …": a conjunction with no plain subject before it
  // is no source; the attribution is kept without one.
  const bareAnd = tokens[subjectEnd]!.lower === 'and' && !shared
  // A relative clause or an appositive between subject and verb ("Trump, who has
  // campaigned …, praised …") is skipped, unless it says how the source knows
  // ("an official, who spoke on condition of anonymity, said"): then it is part of the source.
  let sourceEnd: number | undefined
  // Whether an appositive or a relative clause was set off by commas before the verb.
  let setOff = false
  // "Murphy, though, said": a parenthetical adverb is neither source nor cue.
  if (isComma(tokens[subjectEnd])) {
    let open = subjectEnd - 1
    while (open > 0 && !isComma(tokens[open])) open--
    if (open > 0 && parentheticalAdverbs.match(tokens, open + 1) === subjectEnd) subjectEnd = open - 1
  }
  if (isComma(tokens[subjectEnd])) {
    let open = subjectEnd - 1
    while (open > 0 && !isComma(tokens[open]) && !isQuote(tokens[open])) open--
    if (open <= 0 || !isComma(tokens[open])) return undefined
    const first = tokens[open + 1]!
    // "Vikram Amar, dean of the law school, said", "John Archer, wearing a T-shirt, said": after
    // a name, an appositive or a participle may open with any word.
    const afterName = isCapitalised(tokens[open - 1]) && first.word && !boundaries.has(first.lower) && !isVerbCue(context, tokens, open + 1)
    if (!/^(?:who|which|whose|whom|a|an|the|one|its|his|her|their)$/u.test(first.lower) && !isCapitalised(first) && !afterName) {
      return undefined
    }
    // An appositive is part of the source ("Erin Brockovich, the environmental activist, said"),
    // a relative clause or a participle only when it gives the basis.
    // "Trump, in Kentucky, said", "Limbaugh, for one, said": a prepositional aside is neither.
    const aside = afterName && prepositions.has(first.lower)
    const relativeClause = /^(?:who|which|whose|whom)$/u.test(first.lower) || (afterName && first.lower.endsWith('ing')) || aside
    if (!relativeClause || typer.basisIndex(tokens.slice(open + 1, subjectEnd)) !== undefined) sourceEnd = subjectEnd - 1
    subjectEnd = open - 1
    setOff = true
  }
  // "Sen. Mitch McConnell (R-Ky.) said": the parenthesis belongs to the source.
  if (tokens[subjectEnd]?.text === ')') {
    let open = subjectEnd - 1
    while (open > 0 && tokens[open]!.text !== '(') open--
    if (open <= 0 || subjectEnd - open > 8) return undefined
    sourceEnd ??= subjectEnd
    subjectEnd = open - 1
  }
  // "Mr. Ekovich, who noted that …": the relative pronoun is the source, as the text gives it.
  const relative = /^(?:who|which)$/u.test(tokens[subjectEnd]?.lower ?? '') && tokens[subjectEnd - 1] !== undefined
  if (!tokens[subjectEnd]?.word || (boundaries.has(tokens[subjectEnd]!.lower) && !relative)) return undefined
  const next = tokens[cueEnd + 1]
  if (
    cueEnd === verb &&
    needsComplement.has(tokens[verb]!.lower) &&
    !(next && (next.lower === 'to' || next.text === ':' || isOpening(next) || questionWords.has(next.lower))) &&
    // 'She added, “We will review all the facts.”', "As the study noted, …".
    !(isComma(next) && (isOpening(tokens[cueEnd + 2]) || tokens[contentStart(context, tokens, 0)]!.lower === 'as')) &&
    findThat(tokens, cueEnd + 1, lastContentIndex(tokens)) === undefined &&
    // "The poll shows Trump far ahead": evidence from a document needs no "that".
    !(evidenceVerbs.has(tokens[verb]!.lower) && documentSubject(context, tokens, subjectEnd))
  ) {
    return undefined
  }
  let subjectStart = subjectEnd
  if (shared) {
    subjectStart = shared.from
    subjectEnd = shared.to
  }
  while (subjectStart > 0 && !relative && !shared) {
    const candidate = tokens[subjectStart - 1]!
    if (!candidate.word) {
      // Marks inside a name: "CNN/ORC", "AT&T".
      if (/^[/&-]$/u.test(candidate.text) && tokens[subjectStart - 2]?.word) {
        subjectStart--
        continue
      }
      break
    }
    if (boundaries.has(candidate.lower) || isVerbCue(context, tokens, subjectStart - 1) || passive.has(candidate.lower)) break
    if (candidate.lower === 'and' && (!isCapitalised(tokens[subjectStart - 2]) || prepositions.has(tokens[subjectStart - 3]?.lower ?? '')) && !nounConjunct(context, tokens, subjectStart - 1)) break
    subjectStart--
  }
  subjectStart = skipDiscourseMarker(context, tokens, subjectStart, subjectEnd)
  // "Jacob Shiansky, 24, who was visiting …, said", "Paul Porter, a truck driver from Ava, Mo.,
  // said": appositives in a row after a name opening the sentence are all the source's.
  if (!relative && !shared && setOff && isComma(tokens[subjectStart - 1])) {
    const start = appositiveChain(context, tokens, subjectStart)
    if (start !== undefined) {
      sourceEnd ??= subjectEnd
      subjectStart = start
      subjectEnd = start
    }
  }
  if (subjectStart > subjectEnd || subjectEnd - subjectStart + 1 > maxSourceTokens) return undefined
  const first = tokens[subjectStart]!
  // "Just 28 percent of voters said": an adverb may open the subject, before a number.
  const adverbFirst = adverbs.has(first.lower) && /^\d/u.test(tokens[subjectStart + 1]?.text ?? '') && subjectStart < subjectEnd
  if ((boundaries.has(first.lower) && !relative) || (skippable.has(first.lower) && !adverbFirst)) return undefined
  // "a company called Cambridge Analytica", "a program called “Quick Question”": a name given, not
  // words said (but "what one aide called “…”" reports them).
  if (naming.has(tokens[verb]!.lower) && !sourceEnd && tokens[subjectStart - 1]?.lower !== 'what') {
    const name = tokens[cueEnd + 1]
    const indefinite = tokens.slice(subjectStart, subjectEnd + 1).some((token) => /^(?:a|an|one)$/u.test(token.lower))
    if (indefinite && (isCapitalised(name) || isOpening(name) || name?.lower === 'the')) return undefined
  }

  let last = lastContentIndex(tokens)
  // A relative clause ("Podesta, who said …, said …") or a fronted subordinate one ("When the
  // moderator pointed out that …, the candidate said …") ends at its comma.
  const opener = tokens[subjectStart - 1]
  // "As the Post's Ishaan Tharoor wrote, “…”": the main clause is what was said.
  const asSaid = opener?.lower === 'as' && isComma(tokens[cueEnd + 1]) && subjectStart - 1 === contentStart(context, tokens, 0)
  if (relative || (opener && subordinators.has(opener.lower) && subjectStart - 1 === contentStart(context, tokens, 0) && !asSaid)) {
    for (let index = cueEnd + 1; index < last; index++) {
      if (isComma(tokens[index])) {
        last = index - 1
        break
      }
    }
  }
  // "…, adding that …", "… and said …" and "…, and others have said …" start attributions of their own.
  for (let index = cueEnd + 1; index < last; index++) {
    if ((isComma(tokens[index]) && isAdjunctParticiple(context, tokens, index + 1)) || coordinatedCue(context, tokens, index + 1)) {
      last = isComma(tokens[index - 1]) ? index - 2 : index - 1
      break
    }
    if (newClauseWithCue(context, tokens, index, last)) {
      last = isComma(tokens[index - 1]) ? index - 2 : index - 1
      break
    }
  }
  // "said Wednesday he agrees …": a time adjunct right after the cue is no content.
  let from = skipTime(context, tokens, cueEnd + 1, last)
  if (isBreak(tokens[from]) && (tokens[from]!.text === ':' || tokens[from]!.text === ',')) from++
  // 'said “not too likely” and 14 percent said …': a quote opening the content closes it.
  if (isOpening(tokens[from])) {
    const closing = closingQuoteIndex(tokens, from)
    if (closing !== undefined && closing < last) last = closing
  }
  let content: Range | undefined
  const that = findThat(tokens, from, last)
  if (seeAs) {
    content = trim(tokens, from, last)
  } else if (frame === 'object' || clauseObjectForms.has(tokens[verb]!.lower)) {
    if (that !== undefined && that === from) content = trim(tokens, that + 1, last)
    // 'what aide Kevin Phillips called “the beginning of a new era”': a quoted object is the content.
    else if (!isOpening(tokens[from])) content = objectOf(context, tokens, from, last)
    else content = trim(tokens, from, last)
  } else if (frame === 'tell') {
    const question = findQuestion(context, tokens, skipAudience(context, tokens, from), last)
    if (that !== undefined) content = trim(tokens, that + 1, last)
    else if (question !== undefined) content = trim(tokens, question, last)
    else content = trim(tokens, skipAudience(context, tokens, from), last)
  } else {
    content = trim(tokens, that === undefined ? from : that + 1, last)
  }
  if (!content) return undefined
  const source = (bareAnd && subjectStart === subjectEnd) || (gerund && !gerundSubject) ? null : (gerundSubject ?? {from: subjectStart, to: sourceEnd ?? subjectEnd})
  return {rule: 'preposed', cue: {from: verb, to: cueEnd}, source, content: [content]}
}

/**
 * "Politicians and even some technologists said", "His campaign and much of the media
 * said": the words from the clause's start to the "and" at `and` read as a noun phrase
 * (a few words, none a verb form), so the conjunction joins two subjects.
 */
function nounConjunct(context: RuleContext, tokens: Token[], and: number): boolean {
  const {frames, prepositions, skippable, passive, boundaries} = context.lexicon
  const {typer} = context
  let start = and
  while (start > 0 && tokens[start - 1]!.word && and - start < 6) start--
  if (start === and || (start > 0 && !isBreak(tokens[start - 1]) && !isQuote(tokens[start - 1]))) return false
  if (start !== contentStart(context, tokens, 0) && !isComma(tokens[start - 1])) return false
  for (let index = start; index < and; index++) {
    const token = tokens[index]!
    if (/(?:ed|ing)$/u.test(token.lower) || skippable.has(token.lower) || passive.has(token.lower) || frames.has(token.lower) || boundaries.has(token.lower)) return false
    if (prepositions.has(token.lower) || typer.isPronoun(token)) return false
  }
  return true
}

/**
 * A subject naming a document, its head anywhere in it: "The poll shows",
 * "a Marquette Law School poll released last week showed".
 */
function documentSubject(context: RuleContext, tokens: Token[], subjectEnd: number): boolean {
  const {boundaries} = context.lexicon
  const {typer} = context
  for (let index = subjectEnd; index >= 0 && subjectEnd - index < maxSourceTokens; index--) {
    const token = tokens[index]!
    if (!token.word || boundaries.has(token.lower) || (index < subjectEnd && isVerbCue(context, tokens, index))) return false
    if (typer.isDocument(token)) return true
  }
  return false
}

/** Index of the mark closing the quote opened at `open`, in the same sentence. */
function closingQuoteIndex(tokens: Token[], open: number): number | undefined {
  const mark = tokens[open]!.text
  const closer = mark === '“' ? '”' : mark === '‘' ? '’' : mark
  for (let index = open + 1; index < tokens.length; index++) {
    if (!tokens[index]!.word && tokens[index]!.text === closer) return index
  }
  return undefined
}

/**
 * "…, and others have said they …", "…; 29 percent said …": a conjunction
 * or semicolon opening a clause whose own subject has a cue verb, outside
 * quotes. Content before it ends there.
 */
function newClauseWithCue(context: RuleContext, tokens: Token[], index: number, last: number): boolean {
  const {boundaries} = context.lexicon
  const token = tokens[index]!
  if (!(token.text === ';' || (token.word && /^(?:and|but|while|whereas)$/u.test(token.lower)))) return false
  // A subject (at least one word) stands between the conjunction and the verb.
  for (let cursor = index + 2; cursor <= Math.min(last, index + 8); cursor++) {
    const candidate = tokens[cursor]!
    if (isBreak(candidate) || isQuote(candidate)) return false
    if (boundaries.has(candidate.lower)) return false
    if (isVerbCue(context, tokens, cursor) && !candidate.lower.endsWith('ing')) return true
  }
  return false
}

/** "asked Clinton on Friday whether …": a question word a few words on, before any mark. */
function findQuestion(context: RuleContext, tokens: Token[], from: number, last: number): number | undefined {
  const {questionWords} = context.lexicon
  for (let index = from; index <= last && index < from + 5; index++) {
    const token = tokens[index]!
    if (!token.word) return undefined
    if (token.lower !== 'that' && questionWords.has(token.lower)) return index
  }
  return undefined
}
