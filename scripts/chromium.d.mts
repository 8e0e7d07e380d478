// Types of scripts/chromium.mjs for the TypeScript tests that import it.
import type { Browser } from 'playwright-core'

export declare const CHROMIUM_ARGS: readonly string[]
export declare function findChromium(env?: Record<string, string | undefined>): string | undefined
export declare function launchChromium(executablePath: string): Promise<Browser>
