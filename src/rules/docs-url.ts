// Where each rule's documentation page lives (docs/rules/<id>.md in the repository).
export const REPOSITORY_URL = 'https://github.com/lint-config/lint-config'

/** The absolute URL of docs/rules/<id>.md on the main branch. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`
}
