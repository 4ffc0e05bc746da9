import {readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {projectRoot} from '../project.ts'
import {writeAtomic} from './write.ts'

/**
 * What `npm run bench` measured of worker threads on this machine: the
 * annotate command cold on one thread and on one worker a core, on the
 * same articles.
 */
export interface JobsMeasure {
  cores: number
  articles: number
  oneThreadSeconds: number
  workersSeconds: number
  /** When it was measured (ISO 8601). */
  measured: string
}

/** Workers are the default only when they measured at least this much faster than one thread. */
export const workersPayFrom = 1.1

export const jobsFile = path.join(projectRoot, 'node_modules/.cache/claimcheck/jobs.json')

/**
 * The default for `--jobs`: one thread, unless the bench measured on this
 * machine (same number of cores) that workers pay: then one a core.
 * Measured on a 2-core machine, a run on one thread already keeps both
 * cores partly busy (V8 compiles and collects on helper threads), and
 * workers took 0.92–1.07× of its time, so one thread is the safe default.
 */
export function defaultJobs(file = jobsFile, cores = os.availableParallelism()): {jobs: number; why: string} {
  try {
    const measure = JSON.parse(readFileSync(file, 'utf8')) as Partial<JobsMeasure>
    if (measure.cores === cores && typeof measure.oneThreadSeconds === 'number' && typeof measure.workersSeconds === 'number') {
      const speedUp = measure.oneThreadSeconds / measure.workersSeconds
      if (speedUp >= workersPayFrom) return {jobs: cores, why: `workers measured ${speedUp.toFixed(2)}x faster by npm run bench`}
      return {jobs: 1, why: `workers measured ${speedUp.toFixed(2)}x by npm run bench`}
    }
  } catch {
    // Never measured here: one thread.
  }
  return {jobs: 1, why: 'workers not measured on this machine (npm run bench)'}
}

export async function saveJobsMeasure(measure: JobsMeasure): Promise<void> {
  await writeAtomic(jobsFile, JSON.stringify(measure, null, 2) + '\n')
}
