// The bulk suppressions file's default name: a leaf, so the lint path and the Action can look for the file without loading its code.

/** In the working directory (ESLint's is `eslint-suppressions.json`). */
export const SUPPRESSIONS_FILE = 'lint-config-suppressions.json'
