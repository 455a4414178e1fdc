// The PCDATA value a bounds-check panic call carries (internal/abi
// BoundsEncode): the failure kind and where the runtime finds the two
// operands, each either a small constant or a register.

import type { Value } from '../ssa/func'

const NUM_BOUNDS_CODES = 9
const MAX_CONST = 31n

/** gc's BoundsKind.Code: [runtime error code, x is signed]. */
function code(kind: number): [number, boolean] {
  if (kind === 16) return [8, false] // BoundsConvert
  return [kind >> 1, (kind & 1) === 0]
}

function encode(c: number, signed: boolean, xIsReg: boolean, yIsReg: boolean, x: number, y: number): number {
  let e = 0
  if (xIsReg) e |= 1 | (signed ? 4 : 0) | (x << 3)
  else e |= x << 2
  e |= (yIsReg ? 2 : 0) | (y << 7)
  return e * NUM_BOUNDS_CODES + c
}

/**
 * The PCDATA_PanicBounds value for a LoweredPanicBounds{RR,RC,CR,CC} value.
 * `argReg(i)` is arg i's register number counted from the arch's first
 * result register; constants too large for the encoding are moved into
 * register number n by `moveConst`.
 */
export function boundsPcdata(v: Value, consts: bigint[], argReg: (i: number) => number, moveConst: (c: bigint, n: number) => void): number {
  const [c, signed] = code(v.auxInt64)
  let xIsReg = false
  let yIsReg = false
  let x = 0
  let y = 0
  const small = (k: bigint) => k >= 0n && k <= MAX_CONST
  switch (v.op.slice(-2)) {
    case 'RR':
      xIsReg = yIsReg = true
      x = argReg(0)
      y = argReg(1)
      break
    case 'RC': {
      xIsReg = true
      x = argReg(0)
      const k = consts[0] ?? 0n
      if (small(k)) y = Number(k)
      else {
        yIsReg = true
        if (y === x) y = 1
        moveConst(k, y)
      }
      break
    }
    case 'CR': {
      yIsReg = true
      y = argReg(0)
      const k = consts[0] ?? 0n
      if (small(k)) x = Number(k)
      else {
        xIsReg = true
        if (x === y) x = 1
        moveConst(k, x)
      }
      break
    }
    case 'CC': {
      const [kx, ky] = [consts[0] ?? 0n, consts[1] ?? 0n]
      if (small(kx)) x = Number(kx)
      else {
        xIsReg = true
        moveConst(kx, x)
      }
      if (small(ky)) y = Number(ky)
      else {
        yIsReg = true
        y = 1
        moveConst(ky, y)
      }
      break
    }
  }
  return encode(c, signed, xIsReg, yIsReg, x, y)
}
