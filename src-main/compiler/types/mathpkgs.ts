// Packages math and math/bits as the subset models them. We do not read
// export data, so a call into either package is modelled only where gc 1.26
// does not call the package at all: the functions ssagen intrinsifies on both
// amd64 and ppc64 (ssagen/intrinsics.go; with -l nothing is inlined, so e.g.
// bits.LeadingZeros64 and math.Sqrt stay real calls and are refused). Their
// arguments and results are scalars, so escape analysis sees nothing flow.
// Constants are the packages' own (floats rounded to float64, as every
// untyped float constant of the subset).

import { makeFloat, makeInt, type Constant } from './constant'
import { newVar, Scope, type BuiltinObj, type ConstObj, type IntrinsicId } from './objects'
import { Typ, type Signature, type Type } from './types'

/** An intrinsic's parameter and result types, as declared in the package. */
interface IntrinsicDef {
  params: Type[]
  results: Type[]
}

const u = Typ.uint
const u8 = Typ.uint8
const u16 = Typ.uint16
const u32 = Typ.uint32
const u64 = Typ.uint64
const f64 = Typ.float64
const int = Typ.int

/** The functions gc 1.26 intrinsifies on amd64 and ppc64 (64-bit aliases such as bits.Len → Len64 included). */
const INTRINSICS: Record<IntrinsicId, IntrinsicDef> = {
  'math/bits.TrailingZeros64': { params: [u64], results: [int] },
  'math/bits.TrailingZeros32': { params: [u32], results: [int] },
  'math/bits.TrailingZeros16': { params: [u16], results: [int] },
  'math/bits.TrailingZeros8': { params: [u8], results: [int] },
  'math/bits.Len': { params: [u], results: [int] },
  'math/bits.Len64': { params: [u64], results: [int] },
  'math/bits.Len32': { params: [u32], results: [int] },
  'math/bits.Len16': { params: [u16], results: [int] },
  'math/bits.Len8': { params: [u8], results: [int] },
  'math/bits.OnesCount': { params: [u], results: [int] },
  'math/bits.OnesCount64': { params: [u64], results: [int] },
  'math/bits.OnesCount32': { params: [u32], results: [int] },
  'math/bits.OnesCount16': { params: [u16], results: [int] },
  'math/bits.RotateLeft': { params: [u, int], results: [u] },
  'math/bits.RotateLeft64': { params: [u64, int], results: [u64] },
  'math/bits.RotateLeft32': { params: [u32, int], results: [u32] },
  'math/bits.Mul': { params: [u, u], results: [u, u] },
  'math/bits.Mul64': { params: [u64, u64], results: [u64, u64] },
  'math/bits.Add': { params: [u, u, u], results: [u, u] },
  'math/bits.Add64': { params: [u64, u64, u64], results: [u64, u64] },
  'math/bits.Sub': { params: [u, u, u], results: [u, u] },
  'math/bits.Sub64': { params: [u64, u64, u64], results: [u64, u64] },
  'math.Floor': { params: [f64], results: [f64] },
  'math.Ceil': { params: [f64], results: [f64] },
  'math.Trunc': { params: [f64], results: [f64] },
  'math.FMA': { params: [f64, f64, f64], results: [f64] },
}

/** Why each other exported function is refused: where gc intrinsifies it, and where not. */
const ONE_ARCH: Record<string, string> = {
  'math/bits.RotateLeft16': 'an intrinsic on amd64 only',
  'math/bits.RotateLeft8': 'an intrinsic on amd64 only',
  'math/bits.OnesCount8': 'an intrinsic on ppc64 only',
  'math/bits.Div64': 'an intrinsic on amd64 only',
  'math/bits.Div': 'an intrinsic on amd64 only',
  'math/bits.ReverseBytes64': 'an intrinsic on amd64 only (ppc64 needs GOPPC64=power10)',
  'math/bits.ReverseBytes32': 'an intrinsic on amd64 only (ppc64 needs GOPPC64=power10)',
  'math.RoundToEven': 'an intrinsic on amd64 only',
  'math.Round': 'an intrinsic on ppc64 only',
  'math.Abs': 'an intrinsic on ppc64 only',
  'math.Copysign': 'an intrinsic on ppc64 only',
}

const BITS_FUNCS =
  'Add Add32 Add64 Div Div32 Div64 LeadingZeros LeadingZeros16 LeadingZeros32 LeadingZeros64 LeadingZeros8 Len Len16 Len32 Len64 Len8 Mul Mul32 Mul64 OnesCount OnesCount16 OnesCount32 OnesCount64 OnesCount8 Rem Rem32 Rem64 Reverse Reverse16 Reverse32 Reverse64 Reverse8 ReverseBytes ReverseBytes16 ReverseBytes32 ReverseBytes64 RotateLeft RotateLeft16 RotateLeft32 RotateLeft64 RotateLeft8 Sub Sub32 Sub64 TrailingZeros TrailingZeros16 TrailingZeros32 TrailingZeros64 TrailingZeros8'
const MATH_FUNCS =
  'Abs Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Ceil Copysign Cos Cosh Dim Erf Erfc Erfcinv Erfinv Exp Exp2 Expm1 FMA Float32bits Float32frombits Float64bits Float64frombits Floor Frexp Gamma Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Log Log10 Log1p Log2 Logb Max Min Mod Modf NaN Nextafter Nextafter32 Pow Pow10 Remainder Round RoundToEven Signbit Sin Sincos Sinh Sqrt Tan Tanh Trunc Y0 Y1 Yn'

const MATH_CONSTS: [string, Type, Constant][] = [
  ['E', Typ.untypedFloat, makeFloat(Math.E)],
  ['Pi', Typ.untypedFloat, makeFloat(Math.PI)],
  ['Phi', Typ.untypedFloat, makeFloat(1.618033988749895)],
  ['Sqrt2', Typ.untypedFloat, makeFloat(Math.SQRT2)],
  ['SqrtE', Typ.untypedFloat, makeFloat(1.6487212707001282)],
  ['SqrtPi', Typ.untypedFloat, makeFloat(1.772453850905516)],
  ['SqrtPhi', Typ.untypedFloat, makeFloat(1.272019649514069)],
  ['Ln2', Typ.untypedFloat, makeFloat(Math.LN2)],
  ['Log2E', Typ.untypedFloat, makeFloat(1 / Math.LN2)],
  ['Ln10', Typ.untypedFloat, makeFloat(Math.LN10)],
  ['Log10E', Typ.untypedFloat, makeFloat(1 / Math.LN10)],
  ['MaxFloat32', Typ.untypedFloat, makeFloat(3.4028234663852886e38)],
  ['SmallestNonzeroFloat32', Typ.untypedFloat, makeFloat(1.401298464324817e-45)],
  ['MaxFloat64', Typ.untypedFloat, makeFloat(Number.MAX_VALUE)],
  ['SmallestNonzeroFloat64', Typ.untypedFloat, makeFloat(Number.MIN_VALUE)],
  ['MaxInt', Typ.untypedInt, makeInt((1n << 63n) - 1n)],
  ['MinInt', Typ.untypedInt, makeInt(-(1n << 63n))],
  ['MaxInt8', Typ.untypedInt, makeInt(127)],
  ['MinInt8', Typ.untypedInt, makeInt(-128)],
  ['MaxInt16', Typ.untypedInt, makeInt(32767)],
  ['MinInt16', Typ.untypedInt, makeInt(-32768)],
  ['MaxInt32', Typ.untypedInt, makeInt(2147483647)],
  ['MinInt32', Typ.untypedInt, makeInt(-2147483648)],
  ['MaxInt64', Typ.untypedInt, makeInt((1n << 63n) - 1n)],
  ['MinInt64', Typ.untypedInt, makeInt(-(1n << 63n))],
  ['MaxUint', Typ.untypedInt, makeInt((1n << 64n) - 1n)],
  ['MaxUint8', Typ.untypedInt, makeInt(255)],
  ['MaxUint16', Typ.untypedInt, makeInt(65535)],
  ['MaxUint32', Typ.untypedInt, makeInt((1n << 32n) - 1n)],
  ['MaxUint64', Typ.untypedInt, makeInt((1n << 64n) - 1n)],
]

const sigs = new Map<IntrinsicId, Signature>()

/** The intrinsic's signature (parameters unnamed: only types appear in types2's messages about calls). */
export function intrinsicSignature(id: IntrinsicId): Signature {
  let s = sigs.get(id)
  if (!s) {
    const d = INTRINSICS[id]
    s = { kind: 'signature', recv: null, params: d.params.map((t) => newVar('', -1, 'param', t)), results: d.results.map((t) => newVar('', -1, 'result', t)), variadic: false }
    sigs.set(id, s)
  }
  return s
}

export const isIntrinsicId = (id: string): id is IntrinsicId => Object.hasOwn(INTRINSICS, id)

/** The reason a function of math or math/bits is refused (after `unsupported: `). */
function refusal(path: string, name: string): string {
  const qual = `${path === 'math/bits' ? 'bits' : 'math'}.${name}`
  const why = ONE_ARCH[`${path}.${name}`] ?? 'not an intrinsic of gc on amd64 and ppc64'
  return `${qual} (${why}: calls into imported packages are not modelled)`
}

function packageScope(path: 'math' | 'math/bits', funcs: string, consts: [string, Type, Constant][]): Scope {
  const s = new Scope(null)
  for (const name of funcs.split(' ')) {
    const id = `${path}.${name}`
    if (isIntrinsicId(id)) s.insert({ kind: 'builtin', name, pos: -1, id } satisfies BuiltinObj)
    else s.insert({ kind: 'unsupported', name, pos: -1, what: refusal(path, name) })
  }
  for (const [name, type, value] of consts) s.insert({ kind: 'const', name, pos: -1, type, value } satisfies ConstObj)
  return s
}

export const mathPackage: Scope = packageScope('math', MATH_FUNCS, MATH_CONSTS)
export const bitsPackage: Scope = packageScope('math/bits', BITS_FUNCS, [['UintSize', Typ.untypedInt, makeInt(64)]])
