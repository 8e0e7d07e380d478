// The formatter registry: a name -> pure function map (Spectral's output service).
import type { FormatName, Formatter } from '../types.js'
import { json } from './json.js'
import { stylish } from './stylish.js'

export const formatters: Partial<Record<FormatName, Formatter>> = {
  stylish,
  json,
}

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[]
