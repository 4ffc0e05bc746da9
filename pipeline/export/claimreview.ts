import type {Annotation, AttributionAnnotation, Review, SentenceAnnotation} from '../annotation/model.ts'
import type {SourceType} from '../types.ts'

/** The statuses that are verdicts, and so are published. */
export const verdicts = ['verified', 'disputed', 'false', 'misleading', 'unverifiable'] as const
export type Verdict = (typeof verdicts)[number]

/**
 * The numeric rating published with each verdict, on a scale from 1
 * (false) to 5 (true): false 1, misleading 2, disputed 3, verified 5. An
 * unverifiable claim has no place on a scale of truth, so it is published
 * with its name only.
 */
export const ratingScale: Record<Verdict, number | null> = {false: 1, misleading: 2, disputed: 3, unverifiable: null, verified: 5}

/** What the names on the scale read as in the rating (`alternateName`). */
const ratingNames: Record<Verdict, string> = {
  verified: 'True',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable'
}

/** The desk that publishes the reviews: `claimcheck` in the project's package.json. */
export interface PublisherConfig {
  organisation: {name: string; url: string}
  /** Where each review is published; {article} is the article's path without extension, {sentence} the sentence id. */
  reviewUrl: string
  /** Where each article appears, same placeholders; without it the article is named by its title or path. */
  articleUrl?: string
}

/** The configuration, or what is missing from it. */
export function readConfig(packageJson: unknown): {config: PublisherConfig} | {problems: string[]} {
  const problems: string[] = []
  const settings = (packageJson as {claimcheck?: unknown} | null)?.claimcheck as Record<string, unknown> | undefined
  if (!settings || typeof settings !== 'object') return {problems: ['package.json has no "claimcheck" settings']}
  const organisation = settings['organisation'] as Record<string, unknown> | undefined
  if (typeof organisation?.['name'] !== 'string' || organisation['name'] === '') problems.push('claimcheck.organisation.name: the desk’s name, as it signs its fact checks')
  if (typeof organisation?.['url'] !== 'string' || !/^https?:\/\//u.test(organisation['url'])) problems.push('claimcheck.organisation.url: the desk’s web address (https://…)')
  if (typeof settings['reviewUrl'] !== 'string' || !/^https?:\/\//u.test(settings['reviewUrl'])) {
    problems.push('claimcheck.reviewUrl: where a review is published, e.g. "https://example.org/fact-checks/{article}#{sentence}"')
  }
  if (settings['articleUrl'] !== undefined && (typeof settings['articleUrl'] !== 'string' || !/^https?:\/\//u.test(settings['articleUrl']))) {
    problems.push('claimcheck.articleUrl: where an article appears, e.g. "https://example.org/{article}"')
  }
  if (problems.length > 0) return {problems}
  return {
    config: {
      organisation: {name: organisation!['name'] as string, url: organisation!['url'] as string},
      reviewUrl: settings['reviewUrl'] as string,
      ...(typeof settings['articleUrl'] === 'string' ? {articleUrl: settings['articleUrl']} : {})
    }
  }
}

function fill(template: string, annotation: Annotation, sentence: string): string {
  const article = annotation.article.path.replace(/\.[^./]+$/u, '')
  return template.replaceAll('{article}', article.split('/').map(encodeURIComponent).join('/')).replaceAll('{sentence}', encodeURIComponent(sentence))
}

type Thing = Record<string, unknown>

function authorOf(type: SourceType, name: string): Thing {
  return {'@type': type === 'named-organisation' || type === 'unnamed-group' || type === 'document' ? 'Organization' : 'Person', name}
}

/** The one attribution a sentence's claim is, when it has exactly one the reviewer did not reject. */
function theAttribution(sentence: SentenceAnnotation, review: Review): AttributionAnnotation | undefined {
  const kept = sentence.attributions.filter((attribution) => !review.rejected.includes(attribution.id))
  return kept.length === 1 ? kept[0] : undefined
}

/**
 * schema.org ClaimReview JSON-LD for every body sentence with a verdict:
 * the claim is the attributed content when the sentence attributes one,
 * its author the source (a pronoun's person when it is linked); otherwise
 * the sentence.
 */
export function claimReviews(annotations: Annotation[], config: PublisherConfig): Thing[] {
  const reviews: Thing[] = []
  for (const annotation of annotations) {
    const appearance: Thing = config.articleUrl
      ? {'@type': 'CreativeWork', url: fill(config.articleUrl, annotation, '')}
      : {'@type': 'CreativeWork', name: annotation.article.title?.text ?? annotation.article.path}
    for (const sentence of annotation.sentences) {
      const review = sentence.review
      if (sentence.kind !== 'body' || !(verdicts as readonly string[]).includes(review.status)) continue
      const verdict = review.status as Verdict
      const attribution = theAttribution(sentence, review)
      const content = attribution ? [attribution.content.text, ...(attribution.content.more ?? []).map((part) => part.text)].join(' … ') : sentence.text
      const source = attribution?.source
      const name = source?.type === 'pronoun' && source.refersTo ? source.refersTo.text : source?.type === 'pronoun' ? undefined : source?.text
      const claim: Thing = {'@type': 'Claim', appearance}
      if (source && name) claim['author'] = authorOf(source.type === 'pronoun' ? 'named-person' : source.type, name)
      const rating: Thing = {'@type': 'Rating', alternateName: ratingNames[verdict], name: ratingNames[verdict], bestRating: 5, worstRating: 1}
      const value = ratingScale[verdict]
      if (value !== null) rating['ratingValue'] = value
      const item: Thing = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: fill(config.reviewUrl, annotation, sentence.id),
        claimReviewed: content,
        itemReviewed: claim,
        author: {'@type': 'Organization', name: config.organisation.name, url: config.organisation.url},
        reviewRating: rating
      }
      if (review.date) item['datePublished'] = review.date
      reviews.push(item)
    }
  }
  return reviews
}
