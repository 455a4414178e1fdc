// generic.rules' string ops: a constant string becomes its data symbol
// (`go:string."abc"`, gc's staticdata.StringSym) and its length; StringPtr
// and StringLen see through such a StringMake. dec.rules (dec.ts) takes the
// remaining StringMakes apart.

import type { Aux } from '../func'
import { bytePtr, T } from '../types'
import { parseStringLit } from '../../types/strings'
import { op, rule, type RuleDef } from './dsl'

/** The bytes of a ConstString's aux (gc's %q of the string, which we read back). */
export function constStringBytes(aux: Aux | null | undefined): string | null {
  if (aux?.kind !== 'sym') return null
  return parseStringLit(aux.name)
}

/** The aux of a ConstString holding these bytes. */
export const constStringAux = (quoted: string): Aux => ({ kind: 'sym', name: quoted })

/** gc's symbol for a string's bytes (strings up to 100 bytes are named by their quoted contents). */
export const stringDataSym = (quoted: string): string => `go:string.${quoted}`

export function strings(): RuleDef[] {
  return [
    rule('(StringPtr (StringMake (Addr <t> {s} base) _)) => (Addr <t> {s} base)', ({ t, s, base }) => op('Addr', { type: t, aux: s }, base)),
    rule('(StringLen (StringMake _ (Const64 <t> [c]))) => (Const64 <t> [c])', ({ t, c }) => op('Const64', { type: t, auxInt: c })),
    rule('(ConstString {str}) && config.PtrSize == 8 && str == "" => (StringMake (ConstNil) (Const64 <typ.Int> [0]))', ({ v }) =>
      constStringBytes(v.aux) === '' && op('StringMake', op('ConstNil', { type: bytePtr }), op('Const64', { type: T.int, auxInt: 0n })),
    ),
    rule('(ConstString {str}) && config.PtrSize == 8 && str != "" => (StringMake (Addr <typ.BytePtr> {fe.StringData(str)} (SB)) (Const64 <typ.Int> [int64(len(str))]))', ({ v }) => {
      const b = constStringBytes(v.aux)
      if (!b || v.aux?.kind !== 'sym') return null
      return op('StringMake', op('Addr', { type: bytePtr, aux: { kind: 'sym', name: stringDataSym(v.aux.name) } }, op('SB')), op('Const64', { type: T.int, auxInt: BigInt(b.length) }))
    }),
  ]
}
