// Two spellings of a type, because gc uses two:
//  - typeString: cmd/compile's own (types.Type's %v), seen in SSA dumps and
//    escape-analysis output: `struct { x [10]int; f float64 }`, `func(int) int`,
//    byte and rune as uint8 and int32;
//  - diagnosticTypeString: types2's, seen in type-checking errors:
//    `struct{x [10]int; f float64}`, `func(x int) int`, byte and rune kept.
// (messageTypeString, for -m messages, is gc's with byte and rune kept.)

import type { Var } from './objects'
import { allMethods, anyType, type Type } from './types'

export function typeString(t: Type): string {
  return write(t, gcStyle)
}

export function diagnosticTypeString(t: Type): string {
  return write(t, types2Style)
}

/** gc's spelling of a type's descriptor symbol (after `type:`): named types qualified by package path. */
export function qualifiedTypeString(t: Type, pkg: string): string {
  return write(t, { ...gcStyle, pkg })
}

/** gc's %v of a type in -m messages: like typeString, but byte and rune keep their names. */
export function messageTypeString(t: Type): string {
  return write(t, messageStyle)
}

interface Style {
  basic(t: Extract<Type, { kind: 'basic' }>): string
  /** Package qualifier for named types (gc's type symbols: `type:p.T`). */
  pkg?: string
  struct(fields: string[]): string
  iface(elems: string[]): string
  paramNames: boolean
}

const gcStyle: Style = {
  basic: (t) => (t.basic === 'untyped nil' ? 'nil' : t.basic),
  struct: (fields) => (fields.length === 0 ? 'struct {}' : `struct { ${fields.join('; ')} }`),
  iface: (elems) => (elems.length === 0 ? 'interface {}' : `interface { ${elems.join('; ')} }`),
  paramNames: false,
}

const messageStyle: Style = {
  ...gcStyle,
  basic: (t) => (t.basic === 'untyped nil' ? 'nil' : t.name),
}

const types2Style: Style = {
  basic: (t) => t.name,
  struct: (fields) => `struct{${fields.join('; ')}}`,
  iface: (elems) => `interface{${elems.join('; ')}}`,
  paramNames: true,
}

function write(t: Type, style: Style): string {
  switch (t.kind) {
    case 'basic':
      return style.basic(t)
    case 'pointer':
      return `*${write(t.elem, style)}`
    case 'slice':
      return `[]${write(t.elem, style)}`
    case 'chan': {
      // chan (<-chan T) needs parentheses: chan<- is the send-only prefix.
      const elem = write(t.elem, style)
      if (t.dir === 'send') return `chan<- ${elem}`
      if (t.dir === 'recv') return `<-chan ${elem}`
      return t.elem.kind === 'chan' && t.elem.dir === 'recv' ? `chan (${elem})` : `chan ${elem}`
    }
    case 'array':
      return `[${t.len}]${write(t.elem, style)}`
    case 'map':
      return `map[${write(t.key, style)}]${write(t.elem, style)}`
    case 'named':
      // Predeclared named types (error) are not package-qualified.
      return style.pkg && t.obj.pos >= 0 ? `${style.pkg}.${t.obj.name}` : t.obj.name
    case 'interface':
      if (t === anyType) return 'any'
      // gc lists the method set; types2 the explicit methods, then the embedded interfaces.
      if (style === types2Style) return style.iface([...t.methods.map((m) => m.name + write(m.type, style).slice(4)), ...t.embeddeds.map((e) => write(e, style))])
      return style.iface(allMethods(t).map((m) => m.name + write(m.type, style).slice(4)))
    case 'struct':
      return style.struct(t.fields.map((f) => (f.embedded ? write(f.type, style) : `${f.name} ${write(f.type, style)}`)))
    case 'tuple':
      return tuple(t.vars, false, style)
    case 'signature': {
      let s = `func${tuple(t.params, t.variadic, style)}`
      if (t.results.length === 0) return s
      const only = t.results[0]!
      const named = style.paramNames && t.results.some((r) => r.name !== '')
      s += ' ' + (t.results.length === 1 && !named ? write(only.type, style) : tuple(t.results, false, style))
      return s
    }
  }
}

function tuple(vars: Var[], variadic: boolean, style: Style): string {
  const parts = vars.map((v, i) => {
    let ts: string
    if (variadic && i === vars.length - 1 && v.type.kind === 'slice') ts = `...${write(v.type.elem, style)}`
    else ts = write(v.type, style)
    return style.paramNames && v.name !== '' ? `${v.name} ${ts}` : ts
  })
  return `(${parts.join(', ')})`
}
