// Reading user files for openFile: Go sources only, size-limited, with
// messages a user can act on.

import { readFile, stat } from 'node:fs/promises'
import { MAX_SOURCE_BYTES } from '../protocol/api'
import { ApiError } from '../protocol/errors'
import type { SourceFile } from '../protocol/model'

export async function readGoFile(path: string): Promise<SourceFile> {
  if (!path.endsWith('.go')) throw new ApiError('bad-argument', `${path}: not a Go source file (.go)`)
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new ApiError('not-found', `${path}: not a file`)
    size = st.size
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError('not-found', `${path}: no such file`)
  }
  if (size > MAX_SOURCE_BYTES)
    throw new ApiError('too-large', `${path}: ${size} bytes is larger than the ${MAX_SOURCE_BYTES}-byte limit`)
  return { path, text: await readFile(path, 'utf8'), origin: 'file' }
}
