// RFC 6901 JSON Pointers (ajv's instancePath form): escaping tokens, splitting and joining. A leaf: it imports nothing.

/** One reference token escaped: `~` -> `~0` first, then `/` -> `~1` (the other order would turn `/` into `~01`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** One reference token unescaped: `~1` -> `/` first, then `~0` -> `~` (so `~01` stays the literal `~1`). */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** The unescaped tokens of a pointer; `''` (the root) has none. A missing leading `/` is tolerated. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(pointer.startsWith('/') ? 1 : 0)
    .split('/')
    .map(unescapePointerToken)
}

/** The pointer of a list of tokens (numbers are array indices); `[]` is the root, `''`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerToken(s)}`).join('')
}
