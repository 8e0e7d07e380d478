// The formats of `lint-config diff`, one list for its option and its renderer (no diff code loads with it).
export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]
