// amd64's multiply strength reduction (config.go buildRecipes): v*c built
// from at most two cheap instructions (ADD, NEG, SUB, LEA2/4/8, SHL) when
// they cost less than an IMUL. The table is built once, in gc's order, so
// ties resolve as in gc.

import type { Value } from '../../func'

/** a*x + b*y in one instruction, with its cost in tenths of cycles. */
interface Combo {
  a: bigint
  b: bigint
  cost: number
  build(m: Value, x: Value, y: Value): Value
}

export interface MulRecipe {
  cost: number
  build(m: Value, v: Value): Value
}

/** A value in m's block at m's position, of m's type; the 32-bit op when m is 4 bytes wide. */
function emit(m: Value, q: string, l: string, args: Value[], auxInt = 0n): Value {
  return m.block.func.newValue(m.block, m.type.size === 4 ? l : q, m.type, args, auxInt, null, m.pos)
}

function combos(): Combo[] {
  const r: Combo[] = [
    { a: 1n, b: 1n, cost: 10, build: (m, x, y) => emit(m, 'ADDQ', 'ADDL', [x, y]) },
    { a: -1n, b: 0n, cost: 11, build: (m, x) => emit(m, 'NEGQ', 'NEGL', [x]) },
    { a: 1n, b: -1n, cost: 11, build: (m, x, y) => emit(m, 'SUBQ', 'SUBL', [x, y]) },
    { a: 1n, b: 2n, cost: 10, build: (m, x, y) => emit(m, 'LEAQ2', 'LEAL2', [x, y]) },
    { a: 1n, b: 4n, cost: 10, build: (m, x, y) => emit(m, 'LEAQ4', 'LEAL4', [x, y]) },
    { a: 1n, b: 8n, cost: 10, build: (m, x, y) => emit(m, 'LEAQ8', 'LEAL8', [x, y]) },
  ]
  for (let i = 2n; i < 64n; i++) r.push({ a: 1n << i, b: 0n, cost: 11, build: (m, x) => emit(m, 'SHLQconst', 'SHLLconst', [x], i) })
  return r
}

const MUL_COST = 30

let table: Map<bigint, MulRecipe> | null = null

function recipes(): Map<bigint, MulRecipe> {
  if (table) return table
  const t = new Map<bigint, MulRecipe>()
  // gc's map is indexed by int64: products wrap.
  const offer = (x: bigint, cost: number, build: MulRecipe['build']): void => {
    const k = BigInt.asIntN(64, x)
    const old = t.get(k)
    if ((!old || cost < old.cost) && cost < MUL_COST) t.set(k, { cost, build })
  }
  const cs = combos()
  for (const c of cs) offer(c.a + c.b, c.cost, (m, v) => c.build(m, v, v))
  // A: both inputs of the outer one are the same single-instruction recipe.
  for (const inner of cs) for (const outer of cs) {
    offer((inner.a + inner.b) * (outer.a + outer.b), inner.cost + outer.cost, (m, v) => {
      const w = inner.build(m, v, v)
      return outer.build(m, w, w)
    })
  }
  // B: v and a single-instruction recipe.
  for (const inner of cs) for (const outer of cs) {
    offer(outer.a + outer.b * (inner.a + inner.b), inner.cost + outer.cost, (m, v) => outer.build(m, v, inner.build(m, v, v)))
  }
  // C: a single-instruction recipe and v.
  for (const inner of cs) for (const outer of cs) {
    offer(outer.a * (inner.a + inner.b) + outer.b, inner.cost + outer.cost, (m, v) => outer.build(m, inner.build(m, v, v), v))
  }
  return (table = t)
}

export const canMulStrengthReduce = (x: bigint): boolean => recipes().has(BigInt.asIntN(64, x))

/** v*x evaluated at m's block and position (canMulStrengthReduce(x) must hold). */
export function mulStrengthReduce(m: Value, v: Value, x: bigint): Value {
  return recipes().get(BigInt.asIntN(64, x))!.build(m, v)
}
