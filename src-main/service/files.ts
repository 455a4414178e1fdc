// Reading user files for openFile: Go sources only, size-limited, with
// messages a user can act on.

import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { MAX_SOURCE_BYTES, MAX_SSA_HTML_BYTES } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import type { SourceFile } from '../protocol/model'

const notGo = (path: string, file = path) => new ApiError('bad-argument', `${path}: not a Go source file (.go)`, file)

/**
 * The file at `path`, which must be a regular `.go` file once symbolic links
 * are resolved: a `link.go` pointing at /etc/passwd is refused. The checked
 * file is the one read (opened once, without following a link swapped in
 * since, and without waiting on a FIFO). The answer keeps `path` as given.
 */
export async function readGoFile(path: string): Promise<SourceFile> {
  if (!path.endsWith('.go')) throw notGo(path)
  let real: string
  try {
    real = await realpath(path)
  } catch {
    throw new ApiError('not-found', `${path}: no such file`, path)
  }
  if (!real.endsWith('.go')) throw notGo(`${path} (a link to ${real})`, path)
  let handle
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    throw new ApiError('not-found', `${path}: no such file`, path)
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) throw new ApiError('not-found', `${path}: not a file`, path)
    if (st.size > MAX_SOURCE_BYTES)
      throw new ApiError('too-large', `${path}: ${st.size} bytes is larger than the ${MAX_SOURCE_BYTES}-byte limit`, path)
    return { path, text: decodeGoSource(await handle.readFile()), origin: 'file' }
  } finally {
    await handle.close()
  }
}

const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * UTF-8 as gc's reader takes it: each byte that does not start a valid
 * sequence (utf8.DecodeRune's RuneError of width 1) becomes one U+FFFD, so
 * the parser reports "invalid UTF-8 encoding" once per bad byte, where gc does.
 */
export function decodeGoSource(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes)
  } catch {
    // Rare: decode by hand.
  }
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const n = validSequence(bytes, i)
    if (n === 0) {
      out += '\uFFFD'
      i++
    } else {
      out += strict.decode(bytes.subarray(i, i + n))
      i += n
    }
  }
  return out
}

/** Length of the valid UTF-8 sequence at i (no overlongs, surrogates or code points past U+10FFFF), or 0. */
function validSequence(b: Uint8Array, i: number): number {
  const c = b[i]!
  if (c < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  return 0
}

/**
 * An ssa.html file for importSsaHtml: a regular `.html`/`.htm` file (links
 * resolved and checked as for Go files), at most MAX_SSA_HTML_BYTES.
 */
export async function readSsaHtmlFile(path: string): Promise<string> {
  const notHtml = (p: string) => new ApiError('bad-argument', `${p}: not an ssa.html file (.html)`, path)
  if (!/\.html?$/i.test(path)) throw notHtml(path)
  let real: string
  try {
    real = await realpath(path)
  } catch {
    throw new ApiError('not-found', `${path}: no such file`, path)
  }
  if (!/\.html?$/i.test(real)) throw notHtml(`${path} (a link to ${real})`)
  let handle
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    throw new ApiError('not-found', `${path}: no such file`, path)
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) throw new ApiError('not-found', `${path}: not a file`, path)
    if (st.size > MAX_SSA_HTML_BYTES) throw new ApiError('too-large', `${path}: ${st.size} bytes is larger than the ${MAX_SSA_HTML_BYTES}-byte limit`, path)
    return new TextDecoder('utf-8').decode(await handle.readFile())
  } finally {
    await handle.close()
  }
}
