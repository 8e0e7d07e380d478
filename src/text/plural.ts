// Plural wording for counts in reports and messages ("1 error", "3 warnings"). A leaf: it imports nothing.

/** The count and the word, with an `s` unless the count is exactly 1: `plural(1, 'file')` is `'1 file'`, `plural(0, 'warning')` is `'0 warnings'`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
