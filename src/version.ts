// lint-config's own version, for --version and for reports that name their tool (SARIF).
import { createRequire } from 'node:module'

// The bundles inline the version at build time; running from source reads package.json.
declare const __LINT_CONFIG_VERSION__: string | undefined

/** The package version, e.g. `0.1.0`. */
export function version(): string {
  if (typeof __LINT_CONFIG_VERSION__ === 'string') return __LINT_CONFIG_VERSION__
  const require = createRequire(import.meta.url)
  return (require('../package.json') as { version: string }).version
}
