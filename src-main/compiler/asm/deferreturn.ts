// What a function with open-coded defers adds to its listing (ssagen/defers.ts
// builds its SSA): defframe's zeroing of the slots that must be zeroed on
// entry (the deferred function slots: a panic may run the defers before the
// statement that fills a slot), and genssa's out-of-line
// `CALL runtime.deferreturn; <register results from their slots>; RET`, the
// return path of a deferred call that recovers a panic.

import type { Func } from '../ssa/func'
import { registerParts, regName, type AbiInfo } from '../ssa/abi'
import { loadByRegWidth } from './amd64'
import type { FrameLayout } from './frame'
import type { GenState } from './gen'
import { loadByType } from './ppc64'
import { ext, mem, newProg, reg, NONE, type Prog } from './prog'

const PTR_SIZE = 8
const REG_SIZE = 8
/** ppc64's fixed frame below the locals (its zerorange adds it). */
const PPC64_FIXED_FRAME = 32

/** gc's Arch.ZeroRange for [off, off+cnt) from SP. */
function zeroRange(arch: string, off: number, cnt: number, line: number): Prog[] {
  const out: Prog[] = []
  const add = (p: Prog) => {
    p.line = line
    out.push(p)
  }
  if (cnt === 0) return out
  if (arch === 'amd64') {
    for (; cnt >= 16; cnt -= 16, off += 16) add(newProg('MOVUPS', reg('X15'), mem('SP', off)))
    if (cnt) add(newProg('MOVQ', reg('X15'), mem('SP', off)))
    return out
  }
  if (cnt >= 4 * PTR_SIZE) throw new Error(`zeroing ${cnt} bytes of a ppc64 frame (DUFFZERO) is not modelled`)
  for (let i = 0; i < cnt; i += PTR_SIZE) add(newProg('MOVD', reg('R0'), mem('R1', PPC64_FIXED_FRAME + off + i)))
  return out
}

/**
 * defframe: the locals gc marked Needzero, zeroed in ranges merged when
 * they are at most two registers apart, in Dcl (decreasing offset) order.
 * `frameSize`: maxarg plus the locals.
 */
export function zeroNeeded(f: Func, frame: FrameLayout, frameSize: number, line: number): Prog[] {
  const vars = f.locals
    .filter((l) => l.needZero && frame.vars.has(l.name))
    .map((l) => ({ offset: frame.vars.get(l.name)!.offset, size: l.type.size }))
    .sort((a, b) => b.offset - a.offset)
  const out: Prog[] = []
  let lo = 0
  let hi = 0
  for (const n of vars) {
    if (lo !== hi && n.offset + n.size >= lo - 2 * REG_SIZE) {
      lo = n.offset
      continue
    }
    out.push(...zeroRange(f.arch, frameSize + lo, hi - lo, line))
    lo = n.offset
    hi = lo + n.size
  }
  out.push(...zeroRange(f.arch, frameSize + lo, hi - lo, line))
  return out
}

/** Does the function open-code defers (it has their deferred function slots)? */
export const hasOpenDefers = (f: Func): boolean => f.locals.some((l) => l.openDeferSlot !== undefined)

/** genssa's tail for open-coded defers: deferreturn, results reloaded into their registers, RET. */
export function deferReturnTail(s: GenState, abi: AbiInfo | null): void {
  const f = s.f
  s.prog('CALL', NONE, ext('runtime.deferreturn'))
  for (const r of abi?.results ?? []) {
    if (!r.name || r.regs.length === 0) continue
    const slot = s.frame.vars.get(r.name)
    if (!slot) throw new Error(`${f.name}: no frame slot for result ${r.name}`)
    for (const part of registerParts(r)) {
      const to = regName(abi!.config, part.reg)
      const from = mem(s.arch.sp, slot.offset + part.offset, { name: 'auto', sym: s.localSym(r.name) })
      const as = f.arch === 'amd64' ? loadByRegWidth(to, part.type.size) : loadByType({ float: part.type.kind === 'float', size: part.type.size, signed: part.type.kind === 'int' })
      s.prog(as, from, reg(to))
    }
  }
  s.prog('RET')
}
