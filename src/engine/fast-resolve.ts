// What a plain scalar may resolve to, decided from its text as the YAML 1.1 + pyyamlTags schema would, without the tag search.

/**
 * Whether a plain scalar could match any tag test of the YAML 1.1 + pyyamlTags schema (null, bool, int, float,
 * merge, sexagesimal int, timestamp). Everything else is a string, as PyYAML's resolver decides from the first
 * character. Letters only start the null and bool words, at most 5 characters long ("false"). A test in
 * fast-parse.test.ts pins the schema's regular expressions so that this stays a superset.
 */
export function mayResolveToNonString(source: string): boolean {
  const n = source.length
  if (n === 0) return true
  const c = source.charCodeAt(0)
  if (c >= 0x30 && c <= 0x39) return true
  switch (c) {
    case 0x2d: // -
    case 0x2b: // +
    case 0x2e: // .
    case 0x7e: // ~
    case 0x3c: // <
    case 0x3d: // = (PyYAML's value tag)
      return true
    case 0x6e: // n
    case 0x4e: // N
    case 0x79: // y
    case 0x59: // Y
    case 0x74: // t
    case 0x54: // T
    case 0x6f: // o
    case 0x4f: // O
    case 0x66: // f
    case 0x46: // F
      return n <= 5
    default:
      return false
  }
}

/**
 * The value of the two commonest number shapes, decided as the schema decides them, else NaN (which these shapes
 * never produce). `-?(0|[1-9][0-9]*)`: the first tag whose test matches is PyYAML's decimal int (null and bool need
 * a letter or `~`, binary and hex a letter, octal a leading 0 and another digit), resolved by Number.parseInt(s, 10).
 * `-?[0-9]+.[0-9]+`: the first match is PyYAML's float (no int test allows a dot), resolved by Number.parseFloat as
 * resolveFloat does when there is no `_`, `:`, `.inf` or `.nan`. Neither tag sets a format. A test in
 * fast-parse.test.ts checks this against the schema on a large list of scalars.
 */
export function simpleNumber(source: string): number {
  const n = source.length
  let i = source.charCodeAt(0) === 0x2d ? 1 : 0
  if (i >= n) return Number.NaN
  const first = source.charCodeAt(i)
  if (first < 0x30 || first > 0x39) return Number.NaN
  i++
  while (i < n) {
    const c = source.charCodeAt(i)
    if (c < 0x30 || c > 0x39) break
    i++
  }
  if (i === n) {
    // An integer: a leading zero only alone ("0", "-0").
    return first === 0x30 && n - (source.charCodeAt(0) === 0x2d ? 1 : 0) > 1 ? Number.NaN : Number.parseInt(source, 10)
  }
  if (source.charCodeAt(i) !== 0x2e || i + 1 === n) return Number.NaN
  for (i++; i < n; i++) {
    const c = source.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return Number.NaN
  }
  return Number.parseFloat(source)
}
