// AMD64.rules, Move and Zero by size, as gc 1.26 chooses (no DUFFZERO or
// DUFFCOPY any more): small sizes are one or two (overlapping) loads and
// stores, up to 192 bytes straight-line code (LoweredMove, LoweredZero), up
// to 1408 bytes a loop (LoweredMoveLoop, LoweredZeroLoop), beyond that REP
// MOVSQ / REP STOSQ after peeling the odd bytes off the front.

import { op, type Node, type RuleDef } from '../dsl'
import type { Value } from '../../func'
import { makeValAndOff } from './helpers'
import { rules } from './notation'

/** gc's repMoveThreshold and repZeroThreshold (rewrite.go). */
const REP_THRESHOLD = 1408n

const LOAD: Record<string, string> = { B: 'MOVBload', W: 'MOVWload', L: 'MOVLload', Q: 'MOVQload', O: 'MOVOload' }

/** (MOVxstore [off] dst (MOVxload [off] src mem) after): loads read the Move's memory, stores chain. */
function copyAt(w: string, off: bigint, dst: Value, src: Value, mem: Value, after: Node = mem): Node {
  return op(`MOV${w}store`, { auxInt: off }, dst, op(LOAD[w]!, { auxInt: off }, src, mem), after)
}

export function moves(): RuleDef[] {
  const one = (n: number, w: string): RuleDef[] =>
    rules(`(Move [${n}] dst src mem) => (MOV${w}store dst (MOV${w}load src mem) mem)`, ({ dst, src, mem }) => copyAt(w, 0n, dst, src, mem))
  /** Two copies: the tail at off (overlapping the head when the sizes do not add up), then the head. */
  const two = (n: number, w1: string, off: number, w2: string): RuleDef[] =>
    rules(`(Move [${n}] dst src mem) => (MOV${w1}store [${off}] dst (MOV${w1}load [${off}] src mem) (MOV${w2}store dst (MOV${w2}load src mem) mem))`, ({ dst, src, mem }) =>
      copyAt(w1, BigInt(off), dst, src, mem, copyAt(w2, 0n, dst, src, mem)),
    )
  return [
    // The type-assertion and interface-switch caches are read with an atomic load (gc's dottype1, interfaceSwitch).
    ...rules('(AtomicLoadPtr ptr mem) => (MOVQatomicload ptr mem)', ({ ptr, mem }: { ptr: Value; mem: Value }) => op('MOVQatomicload', ptr, mem)),
    ...rules('(Move [0] _ _ mem) => mem', ({ mem }) => mem),
    ...one(1, 'B'),
    ...one(2, 'W'),
    ...one(4, 'L'),
    ...one(8, 'Q'),
    ...one(16, 'O'),
    ...two(3, 'B', 2, 'W'),
    ...two(5, 'B', 4, 'L'),
    ...two(6, 'W', 4, 'L'),
    ...two(7, 'L', 3, 'L'),
    ...two(9, 'B', 8, 'Q'),
    ...two(10, 'W', 8, 'Q'),
    ...two(11, 'L', 7, 'Q'),
    ...two(12, 'L', 8, 'Q'),
    ...rules('(Move [s] dst src mem) && s >= 13 && s <= 15 => (MOVQstore [int32(s-8)] dst (MOVQload [int32(s-8)] src mem) (MOVQstore dst (MOVQload src mem) mem))', ({ s, dst, src, mem }) =>
      s >= 13n && s <= 15n && copyAt('Q', s - 8n, dst, src, mem, copyAt('Q', 0n, dst, src, mem)),
    ),
    ...rules('(Move [s] dst src mem) && s > 16 && s < 192 && logLargeCopy(v, s) => (LoweredMove [s] dst src mem)', ({ s, dst, src, mem }) => s > 16n && s < 192n && op('LoweredMove', { auxInt: s }, dst, src, mem)),
    ...rules('(Move [s] dst src mem) && s >= 192 && s <= repMoveThreshold && logLargeCopy(v, s) => (LoweredMoveLoop [s] dst src mem)', ({ s, dst, src, mem }) =>
      s >= 192n && s <= REP_THRESHOLD && op('LoweredMoveLoop', { auxInt: s }, dst, src, mem),
    ),
    ...rules('(Move [s] dst src mem) && s > repMoveThreshold && s%8 != 0 => (Move [s-s%8] (OffPtr <dst.Type> dst [s%8]) (OffPtr <src.Type> src [s%8]) (MOVQstore dst (MOVQload src mem) mem))', ({ s, dst, src, mem }) =>
      s > REP_THRESHOLD && s % 8n !== 0n &&
      op('Move', { auxInt: s - (s % 8n) }, op('OffPtr', { type: dst.type, auxInt: s % 8n }, dst), op('OffPtr', { type: src.type, auxInt: s % 8n }, src), copyAt('Q', 0n, dst, src, mem)),
    ),
    ...rules('(Move [s] dst src mem) && s > repMoveThreshold && s%8 == 0 && logLargeCopy(v, s) => (REPMOVSQ dst src (MOVQconst [s/8]) mem)', ({ s, dst, src, mem }) =>
      s > REP_THRESHOLD && s % 8n === 0n && op('REPMOVSQ', dst, src, op('MOVQconst', { auxInt: s / 8n }), mem),
    ),
  ]
}

/** (MOVxstoreconst [makeValAndOff(0,off)] destptr mem) */
const zeroAt = (w: string, off: bigint, p: Value, mem: Node): Node => op(`MOV${w}storeconst`, { auxInt: makeValAndOff(0n, off) }, p, mem)

export function zeros(): RuleDef[] {
  const one = (n: number, w: string): RuleDef[] =>
    rules(`(Zero [${n}] destptr mem) => (MOV${w}storeconst [makeValAndOff(0,0)] destptr mem)`, ({ destptr, mem }) => zeroAt(w, 0n, destptr, mem))
  const two = (n: number, w1: string, off: number, w2: string): RuleDef[] =>
    rules(`(Zero [${n}] destptr mem) => (MOV${w1}storeconst [makeValAndOff(0,${off})] destptr (MOV${w2}storeconst [makeValAndOff(0,0)] destptr mem))`, ({ destptr, mem }) =>
      zeroAt(w1, BigInt(off), destptr, zeroAt(w2, 0n, destptr, mem)),
    )
  return [
    ...rules('(Zero [0] _ mem) => mem', ({ mem }) => mem),
    ...one(1, 'B'),
    ...one(2, 'W'),
    ...one(4, 'L'),
    ...one(8, 'Q'),
    ...two(3, 'B', 2, 'W'),
    ...two(5, 'B', 4, 'L'),
    ...two(6, 'W', 4, 'L'),
    ...two(7, 'L', 3, 'L'),
    ...two(9, 'B', 8, 'Q'),
    ...two(10, 'W', 8, 'Q'),
    ...two(11, 'L', 7, 'Q'),
    ...two(12, 'L', 8, 'Q'),
    ...rules('(Zero [s] destptr mem) && s > 12 && s < 16 => (MOVQstoreconst [makeValAndOff(0,int32(s-8))] destptr (MOVQstoreconst [makeValAndOff(0,0)] destptr mem))', ({ s, destptr, mem }) =>
      s > 12n && s < 16n && zeroAt('Q', s - 8n, destptr, zeroAt('Q', 0n, destptr, mem)),
    ),
    ...rules('(Zero [s] destptr mem) && s >= 16 && s < 192 => (LoweredZero [s] destptr mem)', ({ s, destptr, mem }) => s >= 16n && s < 192n && op('LoweredZero', { auxInt: s }, destptr, mem)),
    ...rules('(Zero [s] destptr mem) && s >= 192 && s <= repZeroThreshold => (LoweredZeroLoop [s] destptr mem)', ({ s, destptr, mem }) =>
      s >= 192n && s <= REP_THRESHOLD && op('LoweredZeroLoop', { auxInt: s }, destptr, mem),
    ),
    ...rules('(Zero [s] destptr mem) && s > repZeroThreshold && s%8 != 0 => (Zero [s-s%8] (OffPtr <destptr.Type> destptr [s%8]) (MOVOstoreconst [makeValAndOff(0,0)] destptr mem))', ({ s, destptr, mem }) =>
      s > REP_THRESHOLD && s % 8n !== 0n && op('Zero', { auxInt: s - (s % 8n) }, op('OffPtr', { type: destptr.type, auxInt: s % 8n }, destptr), zeroAt('O', 0n, destptr, mem)),
    ),
    ...rules('(Zero [s] destptr mem) && s > repZeroThreshold && s%8 == 0 => (REPSTOSQ destptr (MOVQconst [s/8]) (MOVQconst [0]) mem)', ({ s, destptr, mem }) =>
      s > REP_THRESHOLD && s % 8n === 0n && op('REPSTOSQ', destptr, op('MOVQconst', { auxInt: s / 8n }), op('MOVQconst', { auxInt: 0n }), mem),
    ),
  ]
}
