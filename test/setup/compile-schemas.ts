// Vitest global setup: compile the JSON Schemas to standalone validators, so tests never run against stale generated code.
// @ts-expect-error the build script is plain JavaScript without type declarations
import { compileSchemas } from '../../scripts/compile-schemas.mjs'

export default async function setup(): Promise<void> {
  await (compileSchemas as () => Promise<void>)()
}
