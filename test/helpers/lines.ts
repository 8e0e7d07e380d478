// Line-level edits of a test's config text, to spell out the exact text a fix or a suggestion must leave.

/** `yaml` with `from` replaced by `to` on line `line` (1-based); throws unless that line holds `from` exactly once. */
export function onLine(yaml: string, line: number, from: string, to: string): string {
  const lines = yaml.split('\n')
  const text = lines[line - 1]
  if (text === undefined || text.split(from).length !== 2) throw new Error(`line ${line} does not hold ${JSON.stringify(from)} once: ${JSON.stringify(text)}`)
  lines[line - 1] = text.replace(from, to)
  return lines.join('\n')
}

/** `yaml` without lines `first` to `last` (1-based, inclusive), line breaks included. */
export function withoutLines(yaml: string, first: number, last = first): string {
  const lines = yaml.split('\n')
  if (first < 1 || last < first || last > lines.length) throw new Error(`no lines ${first}-${last} in a text of ${lines.length}`)
  lines.splice(first - 1, last - first + 1)
  return lines.join('\n')
}
