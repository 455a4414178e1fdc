// zero arg cse (gc's zcse.go): values without arguments (constants, SP, SB,
// InitMem, Args…) that are equal — same op, auxint, aux and type — become
// one. The first of each kind moves to the entry block, where it dominates
// every use, and all arguments are pointed at it. Nothing is deleted here:
// the duplicates lose their uses and "opt deadcode" removes them. Block
// controls are left alone, as gc does.

import type { Aux, Func, Value } from '../func'
import { opInfo } from '../opinfo'

const hasNoArgs = (v: Value): boolean => opInfo(v.op).args === 0

function auxKey(a: Aux | null): string {
  if (!a) return ''
  switch (a.kind) {
    case 'sym':
      return `sym:${a.name}`
    case 'call':
      return `call:${a.fn}`
    case 'type':
    case 'typeSym':
      return `${a.kind}:${a.type.key}`
  }
}

const keyOf = (v: Value): string => `${v.op} ${v.auxInt} ${auxKey(v.aux)} ${v.type.key}`

export function zcse(f: Func): void {
  const canon = new Map<string, Value>()
  for (const b of f.blocks) {
    for (let i = 0; i < b.values.length; i++) {
      const v = b.values[i]!
      if (!hasNoArgs(v)) continue
      const key = keyOf(v)
      if (canon.has(key)) continue
      canon.set(key, v)
      if (b === f.entry) continue
      // gc moves it by swapping in the block's last value, then looks at index i again.
      v.block = f.entry
      f.entry.values.push(v)
      b.values[i] = b.values[b.values.length - 1]!
      b.values.pop()
      i--
    }
  }
  for (const b of f.blocks) {
    for (const v of b.values) {
      v.args.forEach((a, i) => {
        if (!hasNoArgs(a)) return
        const c = canon.get(keyOf(a))
        if (c && c !== a) v.setArg(i, c)
      })
    }
  }
}
