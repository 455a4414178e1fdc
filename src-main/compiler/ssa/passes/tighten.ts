// gc's tighten and phiTighten (ssa/tighten.go).
//
// tighten moves a value down the dominator tree to the lowest block that
// dominates all its uses, so it is live for less time. Values with two or
// more register inputs stay (moving them could lengthen their inputs' lives)
// unless they make flags (there is one flags register: flag makers belong
// next to their users). Phis, args and tuple selectors never move; nil
// checks stay in their block; a value never moves into a deeper loop; a
// value reading memory only moves to a block that starts with that memory.
//
// phiTighten gives each phi argument that can be rematerialized (constants,
// addresses of globals…) its own copy at the end of the predecessor it comes
// from, so the constant is not live across the whole function.

import { DomTree } from '../dom'
import type { Block, Func, Value } from '../func'
import { opInfo } from '../opinfo'
import { loopNest } from './regalloc/loopnest'
import { isMem } from './storeorder'
import { copyInto, isTupleType } from './tuple'

const PINNED = new Set(['Phi', 'Arg', 'ArgIntReg', 'ArgFloatReg', 'Select0', 'Select1', 'SelectN', 'LoweredGetClosurePtr'])

/** gc's needRegister: the value lives in a general or float register. */
export const needsRegister = (v: Value): boolean => !isMem(v.type) && v.type.kind !== 'void' && v.type.kind !== 'flags' && !isTupleType(v.type)

/** gc's MemoryArg (phis have none here). */
function memArg(v: Value): Value | null {
  const a = v.args[v.args.length - 1]
  return a && isMem(a.type) ? a : null
}

export function tighten(f: Func): void {
  const canMove = new Set<Value>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (PINNED.has(v.op) || opInfo(v.op, f.arch).nilCheck) continue
      const distinct = new Set<Value>()
      for (const a of v.args) if (needsRegister(a) && a.op !== 'SB' && a.op !== 'SP') distinct.add(a)
      if (distinct.size >= 2 && v.type.kind !== 'flags') continue
      canMove.add(v)
    }
  }
  const startMem = memState(f)
  const dom = new DomTree(f)
  const nest = loopNest(f, dom)
  const lca = (a: Block, b: Block): Block => {
    while (!dom.dominates(a, b)) a = dom.idom.get(a)!
    return a
  }

  for (let round = 0, changed = true; changed; round++) {
    if (round > f.numValues) throw new Error('tighten did not converge')
    changed = false
    // Where each movable value should go: the common dominator of its uses.
    const target = new Map<Value, Block>()
    const use = (a: Value, at: Block): void => {
      if (!canMove.has(a)) return
      const t = target.get(a)
      target.set(a, t ? lca(t, at) : at)
    }
    for (const b of f.blocks) {
      for (const v of b.values) v.args.forEach((a, i) => use(a, v.op === 'Phi' ? b.preds[i]! : b))
      for (const c of b.controls) use(c, b)
    }
    // Not into a deeper loop: hoist to just above the loop's header.
    if (!nest.hasIrreducible) {
      for (const b of f.blocks) {
        const origLoop = nest.b2l[b.id]
        for (const v of b.values) {
          let t = target.get(v)
          if (!t) continue
          let l = nest.b2l[t.id]
          while (l && (!origLoop || l.depth > origLoop.depth)) {
            t = dom.idom.get(l.header)!
            target.set(v, t)
            l = nest.b2l[t.id]
          }
        }
      }
    }
    for (const b of f.blocks) {
      for (let i = 0; i < b.values.length; i++) {
        const v = b.values[i]!
        const t = target.get(v)
        if (!t || t === b) continue
        const mem = memArg(v)
        if (mem && startMem.get(t) !== mem) continue
        // gc appends v to t and fills its old slot with b's last value.
        t.values.push(v)
        v.block = t
        b.values[i] = b.values[b.values.length - 1]!
        b.values.pop()
        changed = true
        i--
      }
    }
  }
}

/**
 * gc's memState: the memory each block starts with (InitMem, its memory phi,
 * or the memory flowing in from outside), seeded from what the blocks' own
 * values show and flooded backwards to predecessors.
 */
export function memState(f: Func): Map<Block, Value> {
  const startMem = new Map<Block, Value>()
  const endMem = new Map<Block, Value>()
  const changed: Block[] = []
  for (const b of f.blocks) {
    for (const v of b.values) {
      let mem: Value | null = null
      if (v.op === 'Phi') {
        if (isMem(v.type)) mem = v
      } else if (v.op === 'InitMem') mem = v
      else {
        const a = memArg(v)
        if (a && a.block !== b) mem = a
      }
      if (!mem) continue
      const old = startMem.get(b)
      if (old) {
        if (old === mem) continue
        throw new Error(`memState: ${b} starts with both ${old} and ${mem}`)
      }
      startMem.set(b, mem)
      changed.push(b)
    }
  }
  for (let k = 0; k < changed.length; k++) {
    const top = changed[k]!
    const mem = startMem.get(top)!
    top.preds.forEach((p, i) => {
      if (endMem.has(p)) return
      const end = mem.op === 'Phi' && mem.block === top ? mem.args[i]! : mem
      endMem.set(p, end)
      if (!startMem.has(p)) {
        startMem.set(p, end)
        changed.push(p)
      }
    })
  }
  return startMem
}

/** gc's rematerializeable: a rematerializable op whose arguments are all fixed registers (SP, SB). */
export function rematerializeable(v: Value): boolean {
  const arch = v.block.func.arch
  if (!opInfo(v.op, arch).rematerializeable) return false
  return v.args.every((a) => opInfo(a.op, arch).fixedReg === true)
}

export function phiTighten(f: Func): void {
  for (const b of f.blocks) {
    // Like gc's range loop, copies appended to b itself (a self loop) are not visited.
    for (const v of [...b.values]) {
      if (v.op !== 'Phi') continue
      v.args.forEach((a, i) => {
        if (!rematerializeable(a)) return
        const p = b.preds[i]!
        if (a.block === p) return
        v.setArg(i, copyInto(a, p))
      })
    }
  }
}
