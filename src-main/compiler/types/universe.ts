// The universe scope: predeclared types, constants, nil and builtins. Names
// Go predeclares but the subset leaves out resolve to UnsupportedObj, so a
// use reports `unsupported: …` instead of `undefined: …`.

import { makeBool, makeInt } from './constant'
import { Scope, type BuiltinId, type ConstObj, type Obj, type TypeNameObj } from './objects'
import { anyType, errorType, Typ } from './types'

const BUILTINS: BuiltinId[] = ['append', 'cap', 'clear', 'close', 'copy', 'delete', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'recover']

const UNSUPPORTED: Record<string, string> = {
  comparable: 'interface type',
  complex64: 'complex type',
  complex128: 'complex type',
  complex: 'built-in complex',
  real: 'built-in real',
  imag: 'built-in imag',
}

export const universeIota: ConstObj = { kind: 'const', name: 'iota', pos: -1, type: Typ.untypedInt, value: makeInt(0) }

export const universe: Scope = (() => {
  const s = new Scope(null)
  const add = (obj: Obj) => s.insert(obj)
  const basics = [
    Typ.bool, Typ.int, Typ.int8, Typ.int16, Typ.int32, Typ.int64,
    Typ.uint, Typ.uint8, Typ.uint16, Typ.uint32, Typ.uint64, Typ.uintptr,
    Typ.float32, Typ.float64, Typ.string, Typ.byte, Typ.rune,
  ]
  for (const t of basics) add({ kind: 'typename', name: t.name, pos: -1, type: t, alias: false } satisfies TypeNameObj)
  add({ kind: 'typename', name: 'any', pos: -1, type: anyType, alias: true } satisfies TypeNameObj)
  add(errorType.obj)
  add({ kind: 'const', name: 'true', pos: -1, type: Typ.untypedBool, value: makeBool(true) })
  add({ kind: 'const', name: 'false', pos: -1, type: Typ.untypedBool, value: makeBool(false) })
  add(universeIota)
  add({ kind: 'nil', name: 'nil', pos: -1, type: Typ.untypedNil })
  for (const id of BUILTINS) add({ kind: 'builtin', name: id, pos: -1, id })
  for (const [name, what] of Object.entries(UNSUPPORTED)) add({ kind: 'unsupported', name, pos: -1, what })
  return s
})()
