// Validation against the official OASIS SARIF 2.1.0 JSON Schema (vendored in test/fixtures-sarif/), shared by the sarif formatter and Action tests.
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'

/** The vendored copy of the OASIS schema (errata01). */
export const VENDORED_SARIF_SCHEMA = new URL('../fixtures-sarif/sarif-schema-2.1.0.json', import.meta.url)

// RFC 3986 characters, with '%' only as the start of an escape: what a URI (reference) may contain unencoded.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/

/**
 * Compiles the OASIS schema with Ajv 8. The file declares draft-04, whose meta-schema Ajv 8 does not ship and whose
 * `id` it rejects; the schema uses no other draft-04-only keyword, so dropping `$schema` and renaming `id` to `$id`
 * leaves the validation unchanged (Ajv then checks the schema itself against draft-07).
 */
export function compileSarifSchema(file: URL = VENDORED_SARIF_SCHEMA) {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as { id: string } & Record<string, unknown>
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addFormat('uri', (s: string) => URI_CHARS.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s))
  ajv.addFormat('uri-reference', (s: string) => URI_CHARS.test(s))
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)))
  return ajv.compile({ $id: id, ...schema })
}
