// Escaping text for GitHub-flavoured Markdown (job summaries, explain tables). A leaf: it imports nothing.

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Escapes text for inline Markdown (a table cell, a heading, a list item): `&`, `<` and `>` become entities so no
 * raw HTML gets through; backslash, backtick, `*`, `_`, `[`, `]`, `~`, `#` and `|` get a backslash, so nothing turns
 * into code, emphasis, a link or strike-through, and a pipe never splits a table cell (GFM unescapes `\|` inside
 * cells, code spans included). Line breaks become `<br>` (`' '` with `breaks: 'space'`), since a table row or a
 * heading is one line. `$` is left alone: amounts are always followed by a digit, which GitHub never reads as a
 * closing math delimiter.
 */
export function escapeMarkdown(text: string, { breaks = 'br' }: { breaks?: 'br' | 'space' } = {}): string {
  return text
    .replace(/[&<>]/g, (c) => ENTITY[c]!)
    .replace(/[\\`*_[\]~#|]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, breaks === 'br' ? '<br>' : ' ')
}
