// Reading user files for openFile: Go sources only, size-limited, with
// messages a user can act on.

import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { MAX_SOURCE_BYTES } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import type { SourceFile } from '../protocol/model'

const notGo = (path: string) => new ApiError('bad-argument', `${path}: not a Go source file (.go)`)

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
    throw new ApiError('not-found', `${path}: no such file`)
  }
  if (!real.endsWith('.go')) throw notGo(`${path} (a link to ${real})`)
  let handle
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    throw new ApiError('not-found', `${path}: no such file`)
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) throw new ApiError('not-found', `${path}: not a file`)
    if (st.size > MAX_SOURCE_BYTES)
      throw new ApiError('too-large', `${path}: ${st.size} bytes is larger than the ${MAX_SOURCE_BYTES}-byte limit`)
    return { path, text: await handle.readFile('utf8'), origin: 'file' }
  } finally {
    await handle.close()
  }
}
