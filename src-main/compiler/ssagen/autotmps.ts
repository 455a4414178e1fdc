// gc's names of compiler temporaries: `.autotmp_N` where N is the length of
// the function's Dcl when the temporary was made (typecheck.TempAt). gc
// makes them phase by phase over the whole function — the front end's
// (N:1 calls, loop variables: escape/frames.ts), then order's, then walk's,
// then ssagen's, which also adds the closure's captured variables and the
// `&x` of heap-moved variables — while we build one statement at a time.
// So temporaries get a provisional name when made, with the phase that
// makes them in gc, and are renamed once the function is built.

import type { Func } from '../ssa/func'

export type TempPhase = 'order' | 'walk' | 'ssagen'

export interface TempRecord {
  name: string
  phase: TempPhase
}

/**
 * Dcl entries ssagen adds besides its temporaries: `{ heap: … }` for a
 * heap-moved variable's `&x`, in the order they are made relative to the
 * ssagen-phase temporaries.
 */
export type SsagenDcl = { temp: string } | { heap: string }

export interface DclCounts {
  /** The front end's Dcl: parameters, results, locals and its own temporaries. */
  base: number
  /** Captured variables a closure declares at entry (each, or its `&x`). */
  captures: number
}

/**
 * The final name of every temporary, in gc's numbering, and the length of
 * gc's Dcl after construction (regalloc's NewLocal continues from there).
 */
export function gcTempNames(temps: TempRecord[], ssagen: SsagenDcl[], counts: DclCounts): { names: Map<string, string>; dclLength: number } {
  const names = new Map<string, string>()
  let n = counts.base
  for (const phase of ['order', 'walk'] as const) for (const t of temps) if (t.phase === phase) names.set(t.name, `.autotmp_${n++}`)
  n += counts.captures
  for (const d of ssagen) {
    if ('temp' in d) names.set(d.temp, `.autotmp_${n}`)
    n++
  }
  return { names, dclLength: n }
}

/** Rename temporaries in every value's symbol and in the variable list. */
export function renameTemps(f: Func, names: Map<string, string>): void {
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (v.aux?.kind !== 'sym') continue
      const to = names.get(v.aux.name)
      if (to !== undefined) v.aux = { kind: 'sym', name: to }
    }
  }
  for (const l of f.locals) {
    const to = l.temp ? names.get(l.name) : undefined
    if (to !== undefined) l.name = to
  }
}
