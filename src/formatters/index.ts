// The formatter registry: a name -> pure function map (Spectral's output service).
import type { FormatName, Formatter } from '../types.js'
import { github } from './github.js'
import { json } from './json.js'
import { junit } from './junit.js'
import { markdown } from './markdown.js'
import { sarif } from './sarif.js'
import { stylish } from './stylish.js'

export const formatters: Partial<Record<FormatName, Formatter>> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  markdown,
}

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[]
