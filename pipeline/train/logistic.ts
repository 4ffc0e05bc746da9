/**
 * L2-regularised logistic regression, fitted by L-BFGS: minimises
 * ½‖w‖² + C Σᵢ sᵢ log(1 + exp(−yᵢ (w·xᵢ + b))), the bias b unpenalised
 * (the objective of liblinear and scikit-learn's `LogisticRegression`).
 * Deterministic: every sum runs in the same order, no randomness.
 */

/** Sparse rows, compressed: row i's features are `columns[offsets[i] .. offsets[i+1]]`. */
export interface SparseRows {
  offsets: Int32Array
  columns: Int32Array
  values: Float64Array
  /** How many distinct features (columns) there are. */
  width: number
}

export interface FitOptions {
  /** Inverse regularisation strength. */
  c: number
  /** Per-row weight (1 for all when absent). */
  weights?: Float64Array
  maxIterations?: number
  /** Stop when the gradient's largest component falls below this. */
  tolerance?: number
  /** Rows to fit on (all when absent). */
  rows?: Int32Array
}

export interface Fitted {
  weights: Float64Array
  bias: number
  iterations: number
}

export function fitLogistic(data: SparseRows, labels: Uint8Array, options: FitOptions): Fitted {
  const {offsets, columns, values, width} = data
  const rows = options.rows ?? Int32Array.from({length: labels.length}, (_, index) => index)
  const sampleWeights = options.weights
  const c = options.c
  const size = width + 1 // the last is the bias
  const history = 10
  const maxIterations = options.maxIterations ?? 300
  const tolerance = options.tolerance ?? 1e-4

  const margins = new Float64Array(rows.length)
  function evaluate(point: Float64Array, gradient: Float64Array): number {
    let loss = 0
    for (let feature = 0; feature < width; feature++) {
      loss += 0.5 * point[feature]! * point[feature]!
      gradient[feature] = point[feature]!
    }
    gradient[width] = 0
    const bias = point[width]!
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!
      let z = bias
      for (let at = offsets[row]!; at < offsets[row + 1]!; at++) z += point[columns[at]!]! * values[at]!
      margins[index] = z
    }
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!
      const y = labels[row] === 1 ? 1 : -1
      const weight = c * (sampleWeights ? sampleWeights[row]! : 1)
      const yz = y * margins[index]!
      // log(1 + e^−yz), stable on both sides.
      loss += weight * (yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz)))
      const slope = (-y * weight) / (1 + Math.exp(yz))
      gradient[width]! += slope
      for (let at = offsets[row]!; at < offsets[row + 1]!; at++) gradient[columns[at]!]! += slope * values[at]!
    }
    return loss
  }

  let point = new Float64Array(size)
  let gradient = new Float64Array(size)
  let loss = evaluate(point, gradient)
  const steps: Float64Array[] = []
  const changes: Float64Array[] = []
  const rhos: number[] = []
  const alphas = new Float64Array(history)
  let iteration = 0
  for (; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < tolerance) break
    // Two-loop recursion: direction = −H·g.
    const direction = Float64Array.from(gradient, (value) => -value)
    for (let k = steps.length - 1; k >= 0; k--) {
      alphas[k] = rhos[k]! * dot(steps[k]!, direction)
      axpy(-alphas[k]!, changes[k]!, direction)
    }
    if (steps.length > 0) {
      const last = steps.length - 1
      const gamma = dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!)
      for (let index = 0; index < size; index++) direction[index]! *= gamma
    } else {
      const norm = Math.sqrt(dot(direction, direction))
      for (let index = 0; index < size; index++) direction[index]! /= Math.max(1, norm)
    }
    for (let k = 0; k < steps.length; k++) {
      const beta = rhos[k]! * dot(changes[k]!, direction)
      axpy(alphas[k]! - beta, steps[k]!, direction)
    }
    let slope = dot(gradient, direction)
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      steps.length = 0
      changes.length = 0
      rhos.length = 0
      for (let index = 0; index < size; index++) direction[index] = -gradient[index]!
      slope = dot(gradient, direction)
    }
    // Backtracking line search (Armijo).
    let step = 1
    const next = new Float64Array(size)
    const nextGradient = new Float64Array(size)
    let nextLoss = Infinity
    for (let tries = 0; tries < 40; tries++) {
      for (let index = 0; index < size; index++) next[index] = point[index]! + step * direction[index]!
      nextLoss = evaluate(next, nextGradient)
      if (nextLoss <= loss + 1e-4 * step * slope) break
      step *= 0.5
    }
    if (!(nextLoss < loss)) break
    const moved = new Float64Array(size)
    const turned = new Float64Array(size)
    for (let index = 0; index < size; index++) {
      moved[index] = next[index]! - point[index]!
      turned[index] = nextGradient[index]! - gradient[index]!
    }
    const curvature = dot(moved, turned)
    if (curvature > 1e-12) {
      if (steps.length === history) {
        steps.shift()
        changes.shift()
        rhos.shift()
      }
      steps.push(moved)
      changes.push(turned)
      rhos.push(1 / curvature)
    }
    const relative = (loss - nextLoss) / Math.max(1, Math.abs(loss))
    point = next
    gradient = nextGradient
    loss = nextLoss
    if (relative < 1e-9) break
  }
  return {weights: point.subarray(0, width), bias: point[width]!, iterations: iteration}
}

/** The model's linear score of each row. */
export function decision(data: SparseRows, fitted: {weights: Float64Array; bias: number}, rows: Int32Array): Float64Array {
  const scores = new Float64Array(rows.length)
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!
    let z = fitted.bias
    for (let at = data.offsets[row]!; at < data.offsets[row + 1]!; at++) z += fitted.weights[data.columns[at]!]! * data.values[at]!
    scores[index] = z
  }
  return scores
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!
  return sum
}

function axpy(scale: number, x: Float64Array, y: Float64Array): void {
  for (let index = 0; index < x.length; index++) y[index]! += scale * x[index]!
}

function maxAbs(values: Float64Array): number {
  let most = 0
  for (const value of values) if (Math.abs(value) > most) most = Math.abs(value)
  return most
}
