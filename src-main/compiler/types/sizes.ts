// Sizes, alignments and field offsets exactly as gc computes them for 64-bit
// targets (amd64, ppc64): types.CalcSize / CalcStructSize in
// cmd/compile/internal/types/size.go.

import { under, type BasicKind, type StructType, type Type } from './types'

export const PTR_SIZE = 8

const BASIC_SIZES: Partial<Record<BasicKind, number>> = {
  bool: 1,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  float64: 8,
  int: PTR_SIZE,
  uint: PTR_SIZE,
  uintptr: PTR_SIZE,
  'unsafe.Pointer': PTR_SIZE,
  string: 2 * PTR_SIZE,
}

interface StructLayout {
  offsets: number[]
  size: number
  align: number
}

const layouts = new WeakMap<StructType, StructLayout>()

export function sizeof(t: Type): number {
  const u = under(t)
  switch (u.kind) {
    case 'basic': {
      const s = BASIC_SIZES[u.basic]
      if (s === undefined) throw new Error(`sizeof: no size for ${u.basic}`)
      return s
    }
    case 'pointer':
    case 'signature':
    case 'map':
    case 'chan':
      return PTR_SIZE
    case 'slice':
      return 3 * PTR_SIZE
    case 'interface':
      return 2 * PTR_SIZE
    case 'array':
      return u.len * sizeof(u.elem)
    case 'struct':
      return structLayout(u).size
    case 'tuple':
    case 'named':
      throw new Error(`sizeof: ${u.kind} has no size`)
  }
}

export function alignof(t: Type): number {
  const u = under(t)
  switch (u.kind) {
    case 'basic':
      return u.basic === 'string' ? PTR_SIZE : sizeof(u) // other basic types are aligned to their size
    case 'array':
      return alignof(u.elem)
    case 'struct':
      return structLayout(u).align
    default:
      return PTR_SIZE
  }
}

/** Byte offset of field `index` of struct type t (named or literal). */
export function offsetof(t: Type, index: number): number {
  const u = under(t)
  if (u.kind !== 'struct') throw new Error('offsetof: not a struct')
  const off = structLayout(u).offsets[index]
  if (off === undefined) throw new Error(`offsetof: no field ${index}`)
  return off
}

/** All field offsets of a struct type. */
export function fieldOffsets(t: Type): readonly number[] {
  const u = under(t)
  if (u.kind !== 'struct') throw new Error('fieldOffsets: not a struct')
  return structLayout(u).offsets
}

export const roundUp = (n: number, align: number): number => Math.ceil(n / align) * align

function structLayout(s: StructType): StructLayout {
  let layout = layouts.get(s)
  if (layout) return layout
  const offsets: number[] = []
  let offset = 0
  let align = 1
  for (const f of s.fields) {
    const a = alignof(f.type)
    align = Math.max(align, a)
    offset = roundUp(offset, a)
    offsets.push(offset)
    offset += sizeof(f.type)
  }
  // A non-empty struct ending in a zero-sized field gets one byte of padding so
  // that &s.last never points at the next object (go.dev/issue/9401).
  const last = s.fields[s.fields.length - 1]
  if (offset > 0 && last && sizeof(last.type) === 0) offset++
  layout = { offsets, size: roundUp(offset, align), align }
  layouts.set(s, layout)
  return layout
}
