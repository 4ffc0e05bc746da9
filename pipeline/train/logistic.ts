/**
 * L2-regularised logistic regression, fitted by L-BFGS: minimises
 * ½‖w‖² + C Σᵢ sᵢ log(1 + exp(−yᵢ (w·xᵢ + b))), the bias b unpenalised
 * (the objective of liblinear and scikit-learn's `LogisticRegression`).
 * Deterministic: every sum runs in the same order, no randomness.
 */

import {minimize} from './lbfgs.ts'

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

  const {point, iterations: iteration} = minimize(evaluate, size, {maxIterations, tolerance})
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
