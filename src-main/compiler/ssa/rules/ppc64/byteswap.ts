// PPC64.rules' byte swaps on power8 (GOPPC64 < 10 has no BRH/BRW/BRD):
// memcombine only makes a Bswap where it can fold into a byte-reversed load
// or store, MOVHBR/MOVWBR/MOVDBR, which take their address in a register
// (MOVDaddr carries the offset and symbol). The loads stay in the block of
// the original load (@x.Block). Appended after every other rule of these
// ops, where PPC64.rules has them.

import type { Value } from '../../func'
import { op, type RuleDef } from '../dsl'
import { rules } from './dsl'

type V = Value

export function byteSwaps(): RuleDef[] {
  const addr = (ptr: V, off: bigint, sym: V['aux']) => op('MOVDaddr', { type: ptr.type, auxInt: off, aux: sym }, ptr)
  return [
    ...rules('(Bswap(32|16) x:(MOV(W|H)Zload [off] {sym} ptr mem)) => @x.Block (MOV(W|H)BRload (MOVDaddr <ptr.Type> [off] {sym} ptr) mem)', ({ x, off, ptr, mem }: { x: V; off: bigint; ptr: V; mem: V }, [, w]) =>
      op(`MOV${w}BRload`, { block: x.block }, addr(ptr, off, x.aux), mem),
    ),
    ...rules('(Bswap(32|16) x:(MOV(W|H)Zloadidx ptr idx mem)) => @x.Block (MOV(W|H)BRloadidx ptr idx mem)', ({ x, ptr, idx, mem }: { x: V; ptr: V; idx: V; mem: V }, [, w]) =>
      op(`MOV${w}BRloadidx`, { block: x.block }, ptr, idx, mem),
    ),
    ...rules('(Bswap64 x:(MOVDload [off] {sym} ptr mem)) => @x.Block (MOVDBRload (MOVDaddr <ptr.Type> [off] {sym} ptr) mem)', ({ x, off, ptr, mem }: { x: V; off: bigint; ptr: V; mem: V }) =>
      op('MOVDBRload', { block: x.block }, addr(ptr, off, x.aux), mem),
    ),
    ...rules('(Bswap64 x:(MOVDloadidx ptr idx mem)) => @x.Block (MOVDBRloadidx ptr idx mem)', ({ x, ptr, idx, mem }: { x: V; ptr: V; idx: V; mem: V }) =>
      op('MOVDBRloadidx', { block: x.block }, ptr, idx, mem),
    ),
    ...rules('(MOV(D|W|H)store [off] {sym} ptr (Bswap(64|32|16) val) mem) => (MOV(D|W|H)BRstore (MOVDaddr <ptr.Type> [off] {sym} ptr) val mem)', ({ v, off, ptr, val, mem }: { v: V; off: bigint; ptr: V; val: V; mem: V }, [w]) =>
      op(`MOV${w}BRstore`, addr(ptr, off, v.aux), val, mem),
    ),
    ...rules('(MOV(D|W|H)storeidx ptr idx (Bswap(64|32|16) val) mem) => (MOV(D|W|H)BRstoreidx ptr idx val mem)', ({ ptr, idx, val, mem }: { ptr: V; idx: V; val: V; mem: V }, [w]) =>
      op(`MOV${w}BRstoreidx`, ptr, idx, val, mem),
    ),
  ]
}
