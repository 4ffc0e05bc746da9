import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a file so that readers only ever see the old or the new content:
 * write a temporary file in the same folder, flush it to disk, then rename it
 * over the target (rename is atomic within one file system).
 */
export async function writeAtomic(target: string, content: string): Promise<void> {
  const folder = path.dirname(target)
  await mkdir(folder, {recursive: true})
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'w')
    try {
      await handle.writeFile(content, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
