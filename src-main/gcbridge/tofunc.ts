// A gc dump read back into our mutable SSA function, keeping gc's ids, so
// our passes can run on exactly what gc's passes saw (pass-by-pass
// differential tests) and tests can be written in gc's own text format.

import { floatBits } from '../compiler/ssa/auxint'
import { Func, type Aux, type Value } from '../compiler/ssa/func'
import { opInfo } from '../compiler/ssa/opinfo'
import { parseType } from '../compiler/ssa/types'
import { parseSsaDump, type DumpFunc } from './ssadump'

/** `arch` names the op table of a lowered dump (`amd64`, `ppc64`). */
export function funcFromDump(d: DumpFunc | string, arch = 'generic'): Func {
  if (typeof d === 'string') d = parseSsaDump(d)
  const f = new Func(d.name, d.type)
  f.arch = arch
  const blocks = new Map(d.blocks.map((b) => [b.id, f.newBlockWithId(num(b.id), b.kind)]))
  // gc lists blocks in f.Blocks order, which need not start with the entry before layout (the entry
  // holds InitMem); our functions keep the entry first.
  // The entry has no predecessors; tighten may move InitMem out of it, and unreachable blocks have none either.
  // After layout the entry is first again.
  const noPreds = d.blocks.filter((b) => b.preds.length === 0)
  const entry = noPreds[0] === d.blocks[0] ? d.blocks[0]! : (noPreds.find((b) => b.values.some((v) => v.op === 'InitMem')) ?? noPreds[0] ?? d.blocks[0]!)
  f.entry = blocks.get(entry.id)!
  f.blocks = [f.entry, ...f.blocks.filter((b) => b !== f.entry)]
  const values = new Map<string, Value>()
  const all = d.blocks.flatMap((b) => b.values.map((v) => ({ b, v })))
  for (const { b, v } of all) {
    const nv = f.newValueWithId(num(v.id), blocks.get(b.id)!, v.op, parseType(v.type))
    nv.pos = v.line === null ? { line: 0, col: 0, stmt: '' } : { line: v.line, col: 0, stmt: v.stmt }
    if (v.reg !== undefined) nv.loc = v.reg
    values.set(v.id, nv)
  }
  const get = (id: string): Value => {
    const v = values.get(id)
    if (!v) throw new Error(`${d.name}: ${id} is used but not defined`)
    return v
  }
  for (const { v } of all) {
    const nv = values.get(v.id)!
    for (const a of v.args) nv.addArg(get(a))
    const aux = opInfo(v.op, arch).aux
    // PanicBoundsC/CC aux (lowered bounds panics) prints as `[auxtype=21 AuxInt=K Aux={C}]`: K is the kind, {C} the constants.
    const pb = v.auxInt === undefined ? null : /^auxtype=\d+ AuxInt=(-?\d+) Aux=(\{.*\})$/.exec(v.auxInt)
    if (pb) {
      nv.auxInt = BigInt(pb[1]!)
      nv.aux = { kind: 'sym', name: pb[2]! }
    } else if (v.auxInt !== undefined) nv.auxInt = auxIntOf(aux, v.auxInt)
    if (v.aux !== undefined) nv.aux = auxOf(aux, v.aux)
  }
  for (const b of d.blocks) {
    const nb = blocks.get(b.id)!
    for (const s of b.succs) nb.addEdgeTo(blocks.get(s)!)
    nb.controls = b.controls.map(get)
    for (const c of nb.controls) c.uses++
    nb.likely = b.likely === 'likely' ? 1 : b.likely === 'unlikely' ? -1 : 0
  }
  // Predecessor order matters for phis: take gc's, not the order edges were added.
  for (const b of d.blocks) blocks.get(b.id)!.preds = b.preds.map((p) => blocks.get(p)!)
  for (const n of d.names) {
    const m = splitSlotName(n.name)
    const slot = { name: m ? m[0] : n.name, type: parseType(m ? m[1] : 'void') }
    for (const v of n.values) if (values.has(v)) f.nameValue(slot, values.get(v)!)
  }
  return f
}

const num = (id: string): number => Number(id.slice(1))

/** `a[0][int]` => [`a[0]`, `int`], `a[[1]int]` => [`a`, `[1]int`]: the type is the last balanced `[...]`. */
function splitSlotName(s: string): [string, string] | null {
  if (!s.endsWith(']')) return null
  let depth = 0
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ']') depth++
    else if (s[i] === '[' && --depth === 0) return [s.slice(0, i), s.slice(i + 1, -1)]
  }
  return null
}

function auxIntOf(kind: string | undefined, text: string): bigint {
  if (kind === 'Bool') return text === 'true' ? 1n : 0n
  if (kind === 'Float32' || kind === 'Float64') return floatBits(Number(text.replace('+Inf', 'Infinity').replace('-Inf', '-Infinity')))
  if (kind === 'SymValAndOff') {
    const m = /val=(-?\d+),off=(-?\d+)/.exec(text)
    if (m) return (BigInt(m[1]!) << 32n) | BigInt.asUintN(32, BigInt(m[2]!))
  }
  return BigInt(text)
}

function auxOf(kind: string | undefined, text: string): Aux {
  if (kind === 'Typ' || kind === 'TypSize') return { kind: 'type', type: parseType(text) }
  const call = /^AuxCall\{(.*)\}$/.exec(text)
  if (call) return { kind: 'call', fn: call[1]! }
  if (text.startsWith('type:')) return { kind: 'typeSym', type: parseType(text.slice(5)) }
  return { kind: 'sym', name: text }
}
