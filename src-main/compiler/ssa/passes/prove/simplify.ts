// What prove changes in values once it knows their ranges (gc's
// simplifyValue and constantFoldArguments): arguments known constant become
// constants, shifts get their "bounded" flag, non-negative signed divisions
// and shifts become unsigned, Ctz of non-zero becomes CtzNonZero, slice
// masks of non-empty slices become -1, 0/1 multiplications become And or
// CondSelect.

import type { Block, Func, Value } from '../../func'
import { NO_POS } from '../../func'
import { T, type SsaType } from '../../types'
import { isConstDelta, isInt, isGenericIntConst, isPtrShaped, type FactsTable } from './facts'
import * as L from './limit'
import { family, isLsh, isRshSigned, isRshU } from './values'

const HAVE_COND_SELECT = new Set(['amd64', '386', 'arm64', 'ppc64', 'ppc64le', 'loong64', 'wasm'])

/**
 * gc's f.constVal: the function's constant of that op, type and value, made
 * in the entry block when there is none. (gc caches the constants it made
 * this way; we look for one in the entry block.)
 */
export function constVal(f: Func, op: string, type: SsaType, auxInt: bigint): Value {
  for (const v of f.entry.values) if (v.op === op && v.type === type && v.auxInt === auxInt) return v
  return f.newValue(f.entry, op, type, [], auxInt, null, NO_POS)
}

/** Replace arguments whose range is a single value by that constant. */
export function constantFoldArguments(ft: FactsTable, f: Func, v: Value): void {
  v.args.forEach((arg, i) => {
    const lim = ft.limit(arg)
    let c: bigint
    if (lim.min === lim.max) c = lim.min
    else if (lim.umin === lim.umax) c = L.s64(lim.umin)
    else return
    if (/^Const(8|16|32|64|Bool|Nil)$/.test(arg.op)) return
    const t = arg.type
    let k: Value
    if (t.kind === 'bool') k = constVal(f, 'ConstBool', t, c !== 0n ? 1n : 0n)
    else if (isInt(t) && [1, 2, 4, 8].includes(t.size)) k = constVal(f, `Const${t.size * 8}`, t, BigInt.asIntN(t.size * 8, c))
    else if (isPtrShaped(t) && c === 0n) k = constVal(f, 'ConstNil', t, 0n)
    else return
    v.setArg(i, k)
    ft.limit(k)
  })
}

const MOST_NEGATIVE_DIVIDEND: Record<string, bigint> = {
  Div16: -(1n << 15n), Mod16: -(1n << 15n), Div32: -(1n << 31n), Mod32: -(1n << 31n), Div64: -(1n << 63n), Mod64: -(1n << 63n),
}

const isUnsignedPowerOfTwo = (u: bigint): boolean => u !== 0n && (u & (u - 1n)) === 0n
const isPowerOfTwo = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n

export function simplifyValue(ft: FactsTable, f: Func, arch: string, b: Block, v: Value): void {
  const op = v.op
  if (op === 'Slicemask') {
    const cap = v.args[0]!
    const cd = isConstDelta(cap)
    const known = cd ? ft.limit(cd.w).umin > L.u64(-cd.delta) : ft.limit(cap).umin > 0n
    if (known) {
      v.reset(v.type.size === 8 ? 'Const64' : 'Const32')
      v.auxInt = -1n
    }
    return
  }
  if (/^Ctz(8|16|32|64)$/.test(op)) {
    const lim = ft.limit(v.args[0]!)
    if (lim.umin > 0n || lim.min > 0n || lim.max < 0n) v.op = `${op}NonZero`
    return
  }
  if (isRshSigned(op) || isLsh(op) || isRshU(op)) {
    if (isRshSigned(op) && ft.isNonNegative(v.args[0]!)) v.op = op.replace(/x/, 'Ux')
    // A shift by less than the width needs no fix-up for large counts.
    const by = v.args[1]!
    const lim = ft.limit(by)
    const bits = BigInt(v.args[0]!.type.size * 8)
    if (lim.umax < bits || (lim.max < bits && ft.isNonNegative(by))) v.auxInt = 1n
    return
  }
  const fam = family(op)
  if (!fam) return
  const [base, n] = fam
  if (base === 'Div' || base === 'Mod') {
    const p = ft.limit(v.args[0]!)
    const q = ft.limit(v.args[1]!)
    if (L.nonnegative(p) && L.nonnegative(q)) {
      v.op = `${op}u`
      v.auxInt = 0n
      return
    }
    // amd64 and 386 skip the fix-up for a divisor that is not -1 or a dividend that is not the most negative.
    if (n !== 8 && (q.max < -1n || q.min > -1n || p.min > MOST_NEGATIVE_DIVIDEND[op]!)) {
      if (arch === '386' || arch === 'amd64') v.auxInt = 1n
    }
    return
  }
  if (base === 'Mul') mulByZeroOrOne(ft, f, arch, b, v, n)
}

/** x*y where one side is 0 or 1: And (both), or a conditional select. */
function mulByZeroOrOne(ft: FactsTable, f: Func, arch: string, b: Block, v: Value, n: number): void {
  const vl = ft.limit(v)
  if (vl.min === vl.max || vl.umin === vl.umax) return // about to be constant folded
  let x = v.args[0]!
  let y = v.args[1]!
  const xl = ft.limit(x)
  const yl = ft.limit(y)
  const pow2 = (l: L.Limit): boolean => (l.umin === l.umax && isUnsignedPowerOfTwo(l.umin)) || (l.min === l.max && isPowerOfTwo(l.min))
  if (pow2(xl) || pow2(yl)) return // better done as a shift
  const xOne = xl.umax <= 1n
  const yOne = yl.umax <= 1n
  if (xOne && yOne) {
    v.op = `And${n}`
    return
  }
  const cs = HAVE_COND_SELECT.has(arch)
  if (yOne && cs) [x, y] = [y, x]
  else if (!(xOne && cs)) return
  if (!canCondSelect(v, arch)) return
  const zero = constVal(f, `Const${n}`, v.type, 0n)
  ft.limit(zero)
  const check = f.newValue(b, `Neq${n}`, T.bool, [zero, x], 0n, null, v.pos)
  ft.limit(check)
  v.reset('CondSelect')
  v.addArg(y)
  v.addArg(zero)
  v.addArg(check)
  // gc swaps v with the new check at the end of the block (go.dev/issue/76060).
  const iv = b.values.indexOf(v)
  const last = b.values.length - 1
  ;[b.values[iv], b.values[last]] = [b.values[last]!, b.values[iv]!]
}

function canCondSelect(v: Value, arch: string): boolean {
  if (arch === 'loong64') {
    const zero = (a: Value): boolean => isGenericIntConst(a) && a.auxInt === 0n
    if (!zero(v.args[0]!) && !zero(v.args[1]!)) return false
  }
  if (v.type.size > 8) return false
  if (isPtrShaped(v.type)) return true
  if (isInt(v.type)) return !(arch === 'amd64' && v.type.size < 2)
  return false
}


