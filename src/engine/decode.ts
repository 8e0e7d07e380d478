// Bytes -> text the way the bot's loader reads a file: UTF-8 only; the first invalid byte is located for the finding.
import { isUtf8 } from 'node:buffer'

export type Decoded = { ok: true; text: string } | { ok: false; text: string; byte: number }

/** Length of the valid UTF-8 prefix of `bytes` (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
function validPrefix(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return i
}

/** Decodes UTF-8 strictly. On failure, `text` is the valid prefix (to position the finding) and `byte` the offending byte. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (isUtf8(bytes)) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
  const end = validPrefix(bytes)
  return { ok: false, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, end)), byte: bytes[end] ?? 0 }
}
