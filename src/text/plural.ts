// Plural wording for counts in reports and messages ("1 error", "3 warnings"). A leaf: it imports nothing.

/** The count and the word, with an `s` unless the count is exactly 1: `plural(1, 'file')` is `'1 file'`, `plural(0, 'warning')` is `'0 warnings'`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Items joined as in a sentence: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}
