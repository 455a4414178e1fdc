// The fuzz corpus (testdata/fuzz): each repro NAME.go beside NAME.golden,
// what gc 1.26 printed for it in comparable form — its -m=2 lines, the
// allocation calls of every function's `start`, and the merge decisions on
// each arch — so the corpus test runs without a Go toolchain.
//
//   # escape -m=2
//   ./NAME.go:4:2: moved to heap: x
//   # allocs F
//   runtime.newobject(int) x@0
//   # merge amd64 F
//   F: 64 bytes of stack space saved via stack slot merging (64 nonpointer 0 pointer)
//   =-= merge locals state for F:
//   a: b

import { ARCHES, type FuzzArch } from './gcrun'
import type { GcFacts } from './compare'

export function formatGolden(f: GcFacts): string {
  const out: string[] = ['# escape -m=2', ...f.escape]
  for (const [fn, calls] of [...f.allocs].sort(([a], [b]) => a.localeCompare(b))) out.push(`# allocs ${fn}`, ...calls)
  for (const arch of ARCHES) {
    for (const [fn, d] of [...(f.merge.get(arch) ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
      if (d !== '') out.push(`# merge ${arch} ${fn}`, ...d.split('\n'))
    }
  }
  return out.join('\n') + '\n'
}

/** The facts a golden holds; functions without a `# merge` section merged nothing. */
export function parseGolden(text: string): GcFacts {
  const f: GcFacts = { errors: [], escape: [], allocs: new Map(), merge: new Map(ARCHES.map((a) => [a, new Map()])), listing: new Map() }
  let cur: string[] | null = null
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const close = new Map<string[], () => void>()
  for (const l of lines) {
    const h = /^# (escape -m=2|allocs (.+)|merge (amd64|ppc64) (.+))$/.exec(l)
    if (!h) {
      if (!cur) throw new Error(`golden: a line before any section: ${l}`)
      cur.push(l)
      continue
    }
    if (h[1] === 'escape -m=2') cur = f.escape
    else if (h[2] !== undefined) f.allocs.set(h[2], (cur = []))
    else {
      const arch = h[3] as FuzzArch
      const fn = h[4]!
      const body: string[] = []
      cur = body
      close.set(body, () => f.merge.get(arch)!.set(fn, body.join('\n')))
    }
  }
  for (const c of close.values()) c()
  return f
}
