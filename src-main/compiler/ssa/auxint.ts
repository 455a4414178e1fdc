// AuxInt as gc prints it, by the op's aux kind (value.go auxString): integers
// in decimal at their width, booleans, floats with Go's %g, offsets only
// when non-zero.

import { opInfo } from './opinfo'
import { formatG as formatConstG } from '../types/constant'

const f64 = new Float64Array(1)
const bits = new BigInt64Array(f64.buffer)

export function floatBits(x: number): bigint {
  f64[0] = x
  return bits[0]!
}

export function bitsFloat(b: bigint): number {
  bits[0] = b
  return f64[0]!
}

/** Go's %g: NaN and infinities as gc prints them, the rest via the constant formatter. */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf'
  return formatConstG(x)
}

/** The bracketed aux text gc prints for this op and auxInt, or undefined when it prints none. */
export function auxIntText(op: string, auxInt: bigint, arch?: string): string | undefined {
  switch (opInfo(op, arch).aux) {
    case 'Bool':
      return auxInt === 0n ? 'false' : 'true'
    case 'Int8':
      return String(BigInt.asIntN(8, auxInt))
    case 'Int16':
      return String(BigInt.asIntN(16, auxInt))
    case 'Int32':
      return String(BigInt.asIntN(32, auxInt))
    case 'Int64':
    case 'Int128':
      return String(auxInt)
    case 'UInt8':
      return String(BigInt.asUintN(8, auxInt))
    case 'Float32':
    case 'Float64':
      return formatG(bitsFloat(auxInt))
    case 'SymOff':
    case 'CallOff':
    case 'TypSize':
      return auxInt !== 0n ? String(auxInt) : undefined
    case 'SymValAndOff': {
      const val = BigInt.asIntN(32, auxInt >> 32n)
      const off = BigInt.asIntN(32, auxInt)
      return `val=${val},off=${off}`
    }
    case 'NameOffsetInt8':
      return String(auxInt)
    default:
      return undefined
  }
}
