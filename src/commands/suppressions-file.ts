// The bulk suppressions file: its default name, and whether it is there (a leaf, so the lint path looks for it without loading its code).
import { access } from 'node:fs/promises'
import path from 'node:path'

/** In the working directory (ESLint's is `eslint-suppressions.json`). */
export const SUPPRESSIONS_FILE = 'lint-config-suppressions.json'

/** Whether `dir` holds a suppressions file under the default name (one stat; the file's code loads only when it does). */
export async function hasSuppressionsFile(dir: string): Promise<boolean> {
  try {
    await access(path.join(dir, SUPPRESSIONS_FILE))
    return true
  } catch {
    return false
  }
}
