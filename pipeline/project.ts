import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The project's root folder (the one with package.json), whether the code
 * runs from pipeline/ (TypeScript) or from its build in dist/pipeline/.
 */
export const projectRoot: string = (() => {
  let folder = fileURLToPath(new URL('.', import.meta.url))
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder)
  return folder
})()
