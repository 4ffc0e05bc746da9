/**
 * L-BFGS with a backtracking (Armijo) line search: minimises a smooth
 * function given its value and gradient. Deterministic: no randomness, and
 * every sum in the same order.
 */

export interface MinimizeOptions {
  maxIterations?: number
  /** Stop when the gradient's largest component falls below this. */
  tolerance?: number
  /** Called after each iteration with its number and the loss. */
  progress?: (iteration: number, loss: number) => void
}

/** `evaluate` writes the gradient at `point` into `gradient` and returns the loss. */
export function minimize(
  evaluate: (point: Float64Array, gradient: Float64Array) => number,
  size: number,
  options: MinimizeOptions = {}
): {point: Float64Array; iterations: number} {
  const history = 10
  const maxIterations = options.maxIterations ?? 300
  const tolerance = options.tolerance ?? 1e-4
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
    options.progress?.(iteration + 1, loss)
    if (relative < 1e-9) break
  }
  return {point, iterations: iteration}
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
