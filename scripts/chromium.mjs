// Debian's headless Chromium for the browser tests and the docs screenshots: where it is, and the flags it needs on a closed network.
import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Flags for a headless Chromium run as root on a machine without internet: no sandbox (root), no GPU, and no
 * background connections (updates, sync, QUIC), which a closed network would refuse many times a second.
 * Playwright adds --headless and a fresh temporary --user-data-dir of its own on every launch.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The Chromium executable: $CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH; undefined when there is none. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name)
      if (existsSync(candidate)) return candidate
    }
  }
  return undefined
}

/** Launches headless Chromium through playwright-core (which never downloads a browser of its own). */
export async function launchChromium(executablePath) {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}
