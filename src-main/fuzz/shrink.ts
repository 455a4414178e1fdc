// Delta debugging over the program tree: remove chunks of declarations and
// statements (halving the chunk size down to one), replace a block by its
// bodies, drop case clauses and else branches — keeping each change only if
// the program still fails the same way (which includes gc still accepting it).

import { countItems, type Item, type Program } from './tree'

export interface ShrinkOptions {
  /** At most this many candidate programs are tested. */
  maxTests?: number
  /** Called after each accepted change. */
  onProgress?: (items: number, tests: number) => void
}

export interface ShrinkResult {
  program: Program
  tests: number
  before: number
  after: number
}

/** Shrinks `p` in place while `stillFails` holds; `stillFails(p)` must be true for the original. */
export async function shrink(p: Program, stillFails: (p: Program) => Promise<boolean>, opts: ShrinkOptions = {}): Promise<ShrinkResult> {
  const maxTests = opts.maxTests ?? 300
  const before = countItems(p.decls)
  let tests = 0
  const attempt = async (apply: () => () => void): Promise<boolean> => {
    if (tests >= maxTests) return false
    const undo = apply()
    tests++
    if (await stillFails(p)) {
      opts.onProgress?.(countItems(p.decls), tests)
      return true
    }
    undo()
    return false
  }

  /** Chunked removal over one list, largest chunks first. */
  const removeChunks = async (arr: Item[]): Promise<boolean> => {
    let changed = false
    for (let chunk = Math.max(1, Math.ceil(arr.length / 2)); chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
      for (let i = 0; i < arr.length; ) {
        const n = Math.min(chunk, arr.length - i)
        const ok = await attempt(() => {
          const removed = arr.splice(i, n)
          return () => void arr.splice(i, 0, ...removed)
        })
        if (ok) changed = true
        else i += n
        if (tests >= maxTests) return changed
      }
      if (chunk === 1) break
    }
    return changed
  }

  /** Blocks replaced by their bodies, parts dropped, then the same inside every remaining block. */
  const simplify = async (arr: Item[], top: boolean): Promise<boolean> => {
    let changed = await removeChunks(arr)
    for (let i = 0; i < arr.length && tests < maxTests; i++) {
      const it = arr[i]!
      if (it.kind !== 'block') continue
      if (!top) {
        const flat = it.parts.flatMap((x) => x.body)
        if (await attempt(() => {
          arr.splice(i, 1, ...flat)
          return () => void arr.splice(i, flat.length, it)
        })) {
          changed = true
          i--
          continue
        }
      }
      for (let j = 0; j < it.parts.length && tests < maxTests; j++) {
        const part = it.parts[j]!
        if (!part.removable) continue
        if (await attempt(() => {
          it.parts.splice(j, 1)
          return () => void it.parts.splice(j, 0, part)
        })) {
          changed = true
          j--
        }
      }
      for (const part of it.parts) if (await simplify(part.body, false)) changed = true
    }
    return changed
  }

  while (tests < maxTests && (await simplify(p.decls, true))) {
    // Repeat: a removal can make earlier ones possible (a use gone, its declaration can go).
  }
  return { program: p, tests, before, after: countItems(p.decls) }
}
