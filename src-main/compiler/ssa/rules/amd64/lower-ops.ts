// AMD64.rules, lowering part 2: shifts (bounded ones are a single
// instruction, others mask the result or saturate the count), comparisons,
// loads and stores by type, constants and calls.

import type { Value } from '../../func'
import { T } from '../../types'
import { op, type RuleDef } from '../dsl'
import { b2i, is16BitInt, is32BitFloat, is32BitInt, is64BitFloat, is64BitInt, is8BitInt, isFloat, isPtr } from './helpers'
import { rules, same } from './notation'

/** The compare-with-constant op for a shift count of each width (64|32|16|8). */
const CMPCONST = ['CMPQconst', 'CMPLconst', 'CMPWconst', 'CMPBconst']

/** shiftIsBounded: the shift count is known to be less than the width (the generic op's auxint). */
const bounded = (v: Value): boolean => v.auxInt !== 0n

export function shifts(): RuleDef[] {
  const r: RuleDef[] = []
  // Unsigned shifts give 0 for counts >= width: AND with a carry mask that is all ones when count < width.
  const masked = (gen: string, q: boolean, shift: string, width: bigint): void => {
    const and = q ? 'ANDQ' : 'ANDL'
    const sbb = q ? 'SBBQcarrymask' : 'SBBLcarrymask'
    r.push(
      ...rules(`(${gen}x(64|32|16|8) <t> x y) && !shiftIsBounded(v) => (${and} (${shift} <t> x y) (${sbb} <t> (CMP(Q|L|W|B)const y [${width}])))`, ({ v, t, x, y }, i) =>
        !bounded(v) && op(and, op(shift, { type: t }, x, y), op(sbb, { type: t }, op(CMPCONST[i]!, { auxInt: width }, y))),
      ),
    )
  }
  const plain = (gen: string, shift: string): void => {
    r.push(...rules(`(${gen}x(64|32|16|8) x y) && shiftIsBounded(v) => (${shift} x y)`, ({ v, x, y }) => bounded(v) && op(shift, x, y)))
  }
  masked('Lsh64', true, 'SHLQ', 64n)
  masked('Lsh32', false, 'SHLL', 32n)
  masked('Lsh16', false, 'SHLL', 32n)
  masked('Lsh8', false, 'SHLL', 32n)
  plain('Lsh64', 'SHLQ')
  plain('Lsh32', 'SHLL')
  plain('Lsh16', 'SHLL')
  plain('Lsh8', 'SHLL')
  masked('Rsh64U', true, 'SHRQ', 64n)
  masked('Rsh32U', false, 'SHRL', 32n)
  masked('Rsh16U', false, 'SHRW', 16n)
  masked('Rsh8U', false, 'SHRB', 8n)
  plain('Rsh64U', 'SHRQ')
  plain('Rsh32U', 'SHRL')
  plain('Rsh16U', 'SHRW')
  plain('Rsh8U', 'SHRB')
  // Signed shifts saturate the count at all ones when it is >= width.
  const sat = (gen: string, shift: string, width: bigint): void => {
    r.push(
      ...rules(
        `(${gen}x(64|32|16|8) <t> x y) && !shiftIsBounded(v) => (${shift} <t> x (OR(Q|L|L|L) <y.Type> y (NOT(Q|L|L|L) <y.Type> (SBB(Q|L|L|L)carrymask <y.Type> (CMP(Q|L|W|B)const y [${width}])))))`,
        ({ v, t, x, y }, i) => {
          const q = i === 0 ? 'Q' : 'L'
          const yt = (y as Value).type
          return !bounded(v) && op(shift, { type: t }, x, op(`OR${q}`, { type: yt }, y, op(`NOT${q}`, { type: yt }, op(`SBB${q}carrymask`, { type: yt }, op(CMPCONST[i]!, { auxInt: width }, y)))))
        },
      ),
    )
  }
  sat('Rsh64', 'SARQ', 64n)
  sat('Rsh32', 'SARL', 32n)
  sat('Rsh16', 'SARW', 16n)
  sat('Rsh8', 'SARB', 8n)
  plain('Rsh64', 'SARQ')
  plain('Rsh32', 'SARL')
  plain('Rsh16', 'SARW')
  plain('Rsh8', 'SARB')
  return r
}

export function comparisons(): RuleDef[] {
  const cmp = (gen: string, set: string, cmps: string[]): RuleDef[] =>
    rules(`(${gen} x y) => (${set} (CMP(${cmps.join('|')}) x y))`, ({ x, y }, i) => op(set, op(`CMP${cmps[i]}`, x, y)))
  return [
    ...cmp('Less(64|32|16|8)', 'SETL', ['Q', 'L', 'W', 'B']),
    ...cmp('Less(64|32|16|8)U', 'SETB', ['Q', 'L', 'W', 'B']),
    ...cmp('Leq(64|32|16|8)', 'SETLE', ['Q', 'L', 'W', 'B']),
    ...cmp('Leq(64|32|16|8)U', 'SETBE', ['Q', 'L', 'W', 'B']),
    ...cmp('Eq(Ptr|64|32|16|8|B)', 'SETEQ', ['Q', 'Q', 'L', 'W', 'B', 'B']),
    ...cmp('Neq(Ptr|64|32|16|8|B)', 'SETNE', ['Q', 'Q', 'L', 'W', 'B', 'B']),
    // UCOMIS operands as gc gives them; SETGF/SETGEF with swapped operands dodge the NaN case.
    ...rules('(Eq(32|64)F x y) => (SETEQF (UCOMIS(S|D) x y))', ({ x, y }, i) => op('SETEQF', op(['UCOMISS', 'UCOMISD'][i]!, x, y))),
    ...rules('(Neq(32|64)F x y) => (SETNEF (UCOMIS(S|D) x y))', ({ x, y }, i) => op('SETNEF', op(['UCOMISS', 'UCOMISD'][i]!, x, y))),
    ...rules('(Less(32|64)F x y) => (SETGF (UCOMIS(S|D) y x))', ({ x, y }, i) => op('SETGF', op(['UCOMISS', 'UCOMISD'][i]!, y, x))),
    ...rules('(Leq(32|64)F x y) => (SETGEF (UCOMIS(S|D) y x))', ({ x, y }, i) => op('SETGEF', op(['UCOMISS', 'UCOMISD'][i]!, y, x))),
  ]
}

export function loadsAndStores(): RuleDef[] {
  const load = (cond: string, test: (t: Value['type']) => boolean, to: string): RuleDef[] =>
    rules(`(Load <t> ptr mem) && ${cond} => (${to} ptr mem)`, ({ t, ptr, mem }) => test(t) && op(to, ptr, mem))
  const store = (cond: string, test: (t: Value['type']) => boolean, to: string): RuleDef[] =>
    rules(`(Store {t} ptr val mem) && ${cond} => (${to} ptr val mem)`, ({ t, ptr, val, mem }) => test(t) && op(to, ptr, val, mem))
  return [
    ...load('(is64BitInt(t) || isPtr(t))', (t) => is64BitInt(t) || isPtr(t), 'MOVQload'),
    ...load('is32BitInt(t)', is32BitInt, 'MOVLload'),
    ...load('is16BitInt(t)', is16BitInt, 'MOVWload'),
    ...load('(t.IsBoolean() || is8BitInt(t))', (t) => t.kind === 'bool' || is8BitInt(t), 'MOVBload'),
    ...load('is32BitFloat(t)', is32BitFloat, 'MOVSSload'),
    ...load('is64BitFloat(t)', is64BitFloat, 'MOVSDload'),
    ...store('t.Size() == 8 && t.IsFloat()', (t) => t.size === 8 && isFloat(t), 'MOVSDstore'),
    ...store('t.Size() == 4 && t.IsFloat()', (t) => t.size === 4 && isFloat(t), 'MOVSSstore'),
    ...store('t.Size() == 8 && !t.IsFloat()', (t) => t.size === 8 && !isFloat(t), 'MOVQstore'),
    ...store('t.Size() == 4 && !t.IsFloat()', (t) => t.size === 4 && !isFloat(t), 'MOVLstore'),
    ...store('t.Size() == 2', (t) => t.size === 2, 'MOVWstore'),
    ...store('t.Size() == 1', (t) => t.size === 1, 'MOVBstore'),
  ]
}

export function constants(): RuleDef[] {
  return [
    ...rules('(Const(8|16) [c]) => (MOVLconst [int32(c)])', ({ c }) => op('MOVLconst', { auxInt: c })),
    ...same('(Const32 ...) => (MOVLconst ...)'),
    ...same('(Const64 ...) => (MOVQconst ...)'),
    ...same('(Const32F ...) => (MOVSSconst ...)'),
    ...same('(Const64F ...) => (MOVSDconst ...)'),
    ...rules('(ConstNil) => (MOVQconst [0])', () => op('MOVQconst', { auxInt: 0n })),
    ...rules('(ConstBool [c]) => (MOVLconst [b2i32(c)])', ({ c }) => op('MOVLconst', { auxInt: b2i(c) })),
    ...same('(StaticCall ...) => (CALLstatic ...)'),
    ...same('(ClosureCall ...) => (CALLclosure ...)'),
    ...same('(InterCall ...) => (CALLinter ...)'),
    ...same('(TailCall ...) => (CALLtail ...)'),
  ]
}

/** (CondSelect x y c) is c ? x : y; (CMOVcc y x flags) is y, overwritten by x when cc holds. */
export function condSelects(): RuleDef[] {
  const SETS = 'EQ|NE|L|G|LE|GE|A|B|AE|BE|EQF|NEF|GF|GEF'
  const CCS = ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'HI', 'CS', 'CC', 'LS', 'EQF', 'NEF', 'GTF', 'GEF']
  const widths: [string, string, (t: Value['type']) => boolean][] = [
    ['Q', '(is64BitInt(t) || isPtr(t))', (t) => is64BitInt(t) || isPtr(t)],
    ['L', 'is32BitInt(t)', is32BitInt],
    ['W', 'is16BitInt(t)', is16BitInt],
  ]
  const r: RuleDef[] = []
  for (const [w, cond, test] of widths) {
    r.push(
      ...rules(`(CondSelect <t> x y (SET(${SETS}) cond)) && ${cond} => (CMOV${w}(${CCS.join('|')}) y x cond)`, ({ t, x, y, cond: c }, i) => test(t) && op(`CMOV${w}${CCS[i]}`, y, x, c)),
    )
  }
  const checks: [number, string][] = [[8, 'CMPQconst'], [4, 'CMPLconst'], [2, 'CMPWconst'], [1, 'CMPBconst']]
  for (const [size, cmp] of checks) {
    for (const [w, cond, test] of widths) {
      r.push(
        ...rules(`(CondSelect <t> x y check) && !check.Type.IsFlags() && check.Type.Size() == ${size} && ${cond} => (CMOV${w}NE y x (${cmp} [0] check))`, ({ t, x, y, check }) =>
          check.type.kind !== 'flags' && check.type.size === size && test(t) && op(`CMOV${w}NE`, y, x, op(cmp, { auxInt: 0n }, check)),
        ),
      )
    }
  }
  // Absorb InvertFlags: the condition with swapped operands.
  const ORDER = ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'HI', 'CS', 'CC', 'LS']
  const SWAPPED = ['EQ', 'NE', 'GT', 'LT', 'GE', 'LE', 'CS', 'HI', 'LS', 'CC']
  for (const w of ['Q', 'L', 'W']) {
    r.push(...rules(`(CMOV${w}(${ORDER.join('|')}) x y (InvertFlags cond)) => (CMOV${w}(${SWAPPED.join('|')}) x y cond)`, ({ x, y, cond }, i) => op(`CMOV${w}${SWAPPED[i]}`, x, y, cond)))
  }
  // Absorb flag constants generated during lower: the move happens (x) or not (y).
  const absorb: [string, string, boolean][] = [
    ['QEQ|QLE|QGE|QCC|QLS|LEQ|LLE|LGE|LCC|LLS|WEQ|WLE|WGE|WCC|WLS', 'FlagEQ', true],
    ['QNE|QLT|QGT|QCS|QHI|LNE|LLT|LGT|LCS|LHI|WNE|WLT|WGT|WCS|WHI', 'FlagEQ', false],
    ['QNE|QGT|QGE|QHI|QCC|LNE|LGT|LGE|LHI|LCC|WNE|WGT|WGE|WHI|WCC', 'FlagGT_UGT', true],
    ['QEQ|QLE|QLT|QLS|QCS|LEQ|LLE|LLT|LLS|LCS|WEQ|WLE|WLT|WLS|WCS', 'FlagGT_UGT', false],
    ['QNE|QGT|QGE|QLS|QCS|LNE|LGT|LGE|LLS|LCS|WNE|WGT|WGE|WLS|WCS', 'FlagGT_ULT', true],
    ['QEQ|QLE|QLT|QHI|QCC|LEQ|LLE|LLT|LHI|LCC|WEQ|WLE|WLT|WHI|WCC', 'FlagGT_ULT', false],
    ['QNE|QLT|QLE|QCS|QLS|LNE|LLT|LLE|LCS|LLS|WNE|WLT|WLE|WCS|WLS', 'FlagLT_ULT', true],
    ['QEQ|QGT|QGE|QHI|QCC|LEQ|LGT|LGE|LHI|LCC|WEQ|WGT|WGE|WHI|WCC', 'FlagLT_ULT', false],
    ['QNE|QLT|QLE|QHI|QCC|LNE|LLT|LLE|LHI|LCC|WNE|WLT|WLE|WHI|WCC', 'FlagLT_UGT', true],
    ['QEQ|QGT|QGE|QCS|QLS|LEQ|LGT|LGE|LCS|LLS|WEQ|WGT|WGE|WCS|WLS', 'FlagLT_UGT', false],
  ]
  for (const [ops, flag, moves] of absorb) {
    r.push(...(moves ? rules(`(CMOV(${ops}) _ x (${flag})) => x`, ({ x }) => x) : rules(`(CMOV(${ops}) y _ (${flag})) => y`, ({ y }) => y)))
  }
  return r
}

export function misc(): RuleDef[] {
  return [
    ...rules('(IsNonNil p) => (SETNE (TESTQ p p))', ({ p }) => op('SETNE', op('TESTQ', p, p))),
    ...rules('(IsInBounds idx len) => (SETB (CMPQ idx len))', ({ idx, len }) => op('SETB', op('CMPQ', idx, len))),
    ...rules('(IsSliceInBounds idx len) => (SETBE (CMPQ idx len))', ({ idx, len }) => op('SETBE', op('CMPQ', idx, len))),
    ...same('(NilCheck ...) => (LoweredNilCheck ...)'),
    // (GetG mem) stays: with the register ABI gc keeps g in a register (R14).
    ...same('(GetClosurePtr ...) => (LoweredGetClosurePtr ...)'),
    ...same('(GetCallerPC ...) => (LoweredGetCallerPC ...)'),
    ...same('(GetCallerSP ...) => (LoweredGetCallerSP ...)'),
    ...rules('(HasCPUFeature {s}) => (SETNE (CMPLconst [0] (LoweredHasCPUFeature {s})))', ({ s }) => op('SETNE', op('CMPLconst', { auxInt: 0n }, op('LoweredHasCPUFeature', { aux: s })))),
    ...rules('(Addr {sym} base) => (LEAQ {sym} base)', ({ sym, base }) => op('LEAQ', { aux: sym }, base)),
    // A pointerful local's address is anchored after its VarDef (the memory argument), so it cannot float above it.
    ...rules('(LocalAddr <t> {sym} base mem) && t.Elem().HasPointers() => (LEAQ {sym} (SPanchored base mem))', ({ t, sym, base, mem }) =>
      t.elem?.hasPointers === true && op('LEAQ', { aux: sym }, op('SPanchored', { type: T.uintptr }, base, mem)),
    ),
    ...rules('(LocalAddr <t> {sym} base _) && !t.Elem().HasPointers() => (LEAQ {sym} base)', ({ t, sym, base }) => t.elem?.hasPointers !== true && op('LEAQ', { aux: sym }, base)),
    ...rules('(MOVBstore [off] {sym} ptr y:(SET(L|LE|G|GE|EQ|NE|B|BE|A|AE) x) mem) && y.Uses == 1 => (SET(L|LE|G|GE|EQ|NE|B|BE|A|AE)store [off] {sym} ptr x mem)', ({ off, sym, ptr, y, x, mem }, i) =>
      y.uses === 1 && op(`SET${['L', 'LE', 'G', 'GE', 'EQ', 'NE', 'B', 'BE', 'A', 'AE'][i]}store`, { auxInt: off, aux: sym }, ptr, x, mem),
    ),
  ]
}

/** Write barriers, bounds panics (constant operands move into the aux) and rotates. */
export function runtimeOps(): RuleDef[] {
  const C = (c: bigint) => ({ kind: 'sym' as const, name: `{${c}}` })
  const CC = (x: bigint, y: bigint) => ({ kind: 'sym' as const, name: `{${x} ${y}}` })
  /** The constant a PanicBoundsC aux (`{C}`) holds. */
  const cOf = (p: { name: string }): bigint => BigInt(/^\{(-?\d+)\}$/.exec(p.name)?.[1] ?? 'x')
  return [
    ...same('(WB ...) => (LoweredWB ...)'),
    ...same('(PanicBounds ...) => (LoweredPanicBoundsRR ...)'),
    ...rules('(LoweredPanicBoundsRR [kind] x (MOVQconst [c]) mem) => (LoweredPanicBoundsRC [kind] x {PanicBoundsC{C:c}} mem)', ({ kind, x, c, mem }) =>
      op('LoweredPanicBoundsRC', { auxInt: kind, aux: C(c) }, x, mem),
    ),
    ...rules('(LoweredPanicBoundsRR [kind] (MOVQconst [c]) y mem) => (LoweredPanicBoundsCR [kind] {PanicBoundsC{C:c}} y mem)', ({ kind, y, c, mem }) =>
      op('LoweredPanicBoundsCR', { auxInt: kind, aux: C(c) }, y, mem),
    ),
    ...rules('(LoweredPanicBoundsRC [kind] {p} (MOVQconst [c]) mem) => (LoweredPanicBoundsCC [kind] {PanicBoundsCC{Cx:c, Cy:p.C}} mem)', ({ kind, p, c, mem }) =>
      op('LoweredPanicBoundsCC', { auxInt: kind, aux: CC(c, cOf(p)) }, mem),
    ),
    ...rules('(LoweredPanicBoundsCR [kind] {p} (MOVQconst [c]) mem) => (LoweredPanicBoundsCC [kind] {PanicBoundsCC{Cx:p.C, Cy:c}} mem)', ({ kind, p, c, mem }) =>
      op('LoweredPanicBoundsCC', { auxInt: kind, aux: CC(cOf(p), c) }, mem),
    ),
    ...same('(RotateLeft(8|16|32|64) ...) => (ROL(B|W|L|Q) ...)'),
  ]
}

