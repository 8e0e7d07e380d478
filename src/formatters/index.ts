// The formatter registry: a name -> pure function map (Spectral's output service).
import type { FormatName, Formatter } from '../types.js'
import { github } from './github.js'
import { json } from './json.js'
import { junit } from './junit.js'
import { markdown } from './markdown.js'
import { sarif } from './sarif.js'
import { stylish } from './stylish.js'

/** One formatter per name in FORMAT_NAMES (types.ts); the type makes a missing one a compile error. */
export const formatters: Record<FormatName, Formatter> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  markdown,
}
