/**
 * The linear-chain CRF's arithmetic, shared by the tagger and its trainer:
 * Viterbi decoding and forward–backward marginals over one sentence, with
 * per-position scaling (no logarithms in the inner loops).
 */

/** The tags: outside, and begin/inside of source, cue and content. */
export const labels = ['O', 'B-SOURCE', 'I-SOURCE', 'B-CUE', 'I-CUE', 'B-CONTENT', 'I-CONTENT'] as const
export type Label = (typeof labels)[number]
export const labelCount = labels.length

/** The role of a tag: 0 none, 1 source, 2 cue, 3 content. */
export function roleOf(label: number): number {
  return (label + 1) >> 1
}

/** Whether a tag opens a span (B-…). */
export function opens(label: number): boolean {
  return label > 0 && label % 2 === 1
}

/**
 * The best tag sequence. `emissions` holds n × L scores (row per token);
 * `transitions` L × L (from row to column); `starts` L.
 */
export function viterbi(emissions: Float64Array, transitions: Float64Array, starts: Float64Array, n: number): Uint8Array {
  const L = labelCount
  const path = new Uint8Array(n)
  if (n === 0) return path
  const back = new Uint8Array(n * L)
  let previous = new Float64Array(L)
  let current = new Float64Array(L)
  for (let y = 0; y < L; y++) previous[y] = starts[y]! + emissions[y]!
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity
      let from = 0
      for (let a = 0; a < L; a++) {
        const score = previous[a]! + transitions[a * L + y]!
        if (score > best) {
          best = score
          from = a
        }
      }
      current[y] = best + emissions[t * L + y]!
      back[t * L + y] = from
    }
    const swap = previous
    previous = current
    current = swap
  }
  let last = 0
  for (let y = 1; y < L; y++) if (previous[y]! > previous[last]!) last = y
  path[n - 1] = last
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + path[t]!]!
  return path
}

/** Scratch arrays for forward–backward, grown as sentences need. */
export class Lattice {
  alpha = new Float64Array(0)
  beta = new Float64Array(0)
  /** exp(emission − the row's largest). */
  potentials = new Float64Array(0)
  scales = new Float64Array(0)
  /** exp(transitions). */
  readonly transitionPotentials = new Float64Array(labelCount * labelCount)
  readonly startPotentials = new Float64Array(labelCount)

  private ensure(n: number): void {
    if (this.scales.length >= n) return
    const size = Math.max(n, this.scales.length * 2, 64)
    this.alpha = new Float64Array(size * labelCount)
    this.beta = new Float64Array(size * labelCount)
    this.potentials = new Float64Array(size * labelCount)
    this.scales = new Float64Array(size)
  }

  /** Set exp(transitions) once per set of weights. */
  setTransitions(transitions: Float64Array, starts: Float64Array): void {
    for (let index = 0; index < transitions.length; index++) this.transitionPotentials[index] = Math.exp(transitions[index]!)
    for (let index = 0; index < starts.length; index++) this.startPotentials[index] = Math.exp(starts[index]!)
  }

  /**
   * Forward–backward over one sentence; afterwards `marginal(t, y)` is
   * P(tag y at t). Returns log Z.
   */
  run(emissions: Float64Array, n: number): number {
    const L = labelCount
    this.ensure(n)
    const {alpha, beta, potentials, scales, transitionPotentials: T, startPotentials: S} = this
    let logZ = 0
    for (let t = 0; t < n; t++) {
      let most = -Infinity
      for (let y = 0; y < L; y++) if (emissions[t * L + y]! > most) most = emissions[t * L + y]!
      logZ += most
      for (let y = 0; y < L; y++) potentials[t * L + y] = Math.exp(emissions[t * L + y]! - most)
    }
    let sum = 0
    for (let y = 0; y < L; y++) {
      alpha[y] = S[y]! * potentials[y]!
      sum += alpha[y]!
    }
    scales[0] = sum
    for (let y = 0; y < L; y++) alpha[y]! /= sum
    for (let t = 1; t < n; t++) {
      sum = 0
      for (let y = 0; y < L; y++) {
        let into = 0
        for (let a = 0; a < L; a++) into += alpha[(t - 1) * L + a]! * T[a * L + y]!
        const value = into * potentials[t * L + y]!
        alpha[t * L + y] = value
        sum += value
      }
      scales[t] = sum
      for (let y = 0; y < L; y++) alpha[t * L + y]! /= sum
    }
    for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1
    for (let t = n - 2; t >= 0; t--) {
      const scale = scales[t + 1]!
      for (let a = 0; a < L; a++) {
        let out = 0
        for (let b = 0; b < L; b++) out += T[a * L + b]! * potentials[(t + 1) * L + b]! * beta[(t + 1) * L + b]!
        beta[t * L + a] = out / scale
      }
    }
    for (let t = 0; t < n; t++) logZ += Math.log(scales[t]!)
    return logZ
  }

  marginal(t: number, y: number): number {
    return this.alpha[t * labelCount + y]! * this.beta[t * labelCount + y]!
  }

  /** P(tag a at t − 1 and tag b at t), after `run`. */
  pairMarginal(t: number, a: number, b: number): number {
    const L = labelCount
    return (this.alpha[(t - 1) * L + a]! * this.transitionPotentials[a * L + b]! * this.potentials[t * L + b]! * this.beta[t * L + b]!) / this.scales[t]!
  }
}
