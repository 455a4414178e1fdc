// Expressions printed the way types2 quotes them in messages (the syntax
// package's ShortForm printer): literal bodies become `{…}`, and binary
// expressions are printed without adding parentheses.

import type * as A from '../syntax/ast'

export function exprString(e: A.Expr): string {
  switch (e.kind) {
    case 'Ident':
      return e.name
    case 'BasicLit':
      return e.raw
    case 'CompositeLit':
      return `${e.type ? typeExprString(e.type) : ''}{${e.elts.length > 0 ? '…' : ''}}`
    case 'KeyValue':
      return `${exprString(e.key)}: ${exprString(e.value)}`
    case 'FuncLit':
      return `${typeExprString(e.type)} {${e.body.stmts.length > 0 ? '…' : ''}}`
    case 'Paren':
      return `(${exprString(e.x)})`
    case 'Selector':
      return `${exprString(e.x)}.${e.sel.name}`
    case 'Index':
      return `${exprString(e.x)}[${exprString(e.index)}]`
    case 'Slice': {
      let s = `${exprString(e.x)}[${e.low ? exprString(e.low) : ''}:${e.high ? exprString(e.high) : ''}`
      if (e.max) s += `:${exprString(e.max)}`
      return s + ']'
    }
    case 'Star':
      return `*${exprString(e.x)}`
    case 'Unary':
      return `${e.op}${exprString(e.x)}`
    case 'Binary':
      return `${exprString(e.x)} ${e.op} ${exprString(e.y)}`
    case 'Call':
      return `${exprString(e.fun)}(${e.args.map(exprString).join(', ')}${e.ellipsis ? '...' : ''})`
    case 'TypeExpr':
      return typeExprString(e.type)
    case 'TypeAssert':
      return `${exprString(e.x)}.(${typeExprString(e.type)})`
    case 'BadExpr':
      return '<bad expr>'
  }
}

export function typeExprString(t: A.TypeExpr): string {
  switch (t.kind) {
    case 'TypeName':
      return t.name
    case 'QualifiedType':
      return `${t.pkg.name}.${t.sel.name}`
    case 'PointerType':
      return `*${typeExprString(t.elem)}`
    case 'ArrayType':
      return `[${t.len ? exprString(t.len) : '...'}]${typeExprString(t.elem)}`
    case 'SliceType':
      return `[]${typeExprString(t.elem)}`
    case 'StructType':
      return `struct{${t.fields.map((f) => fieldString(f)).join('; ')}}`
    case 'FuncType': {
      let s = `func(${paramList(t.params, t.variadic)})`
      if (t.results.length === 1 && t.results[0]!.names.length === 0) s += ` ${typeExprString(t.results[0]!.type)}`
      else if (t.results.length > 0) s += ` (${paramList(t.results, false)})`
      return s
    }
    case 'MapType':
      return `map[${typeExprString(t.key)}]${typeExprString(t.value)}`
    case 'ChanType':
      return `chan ${typeExprString(t.elem)}`
    case 'InterfaceType': {
      const elems = [...t.methods.map((m) => m.name.name + typeExprString(m.type).slice(4)), ...t.embeddeds.map(typeExprString)]
      return `interface{${elems.join('; ')}}`
    }
  }
}

function fieldString(f: A.Field, variadic = false): string {
  const type = (variadic ? '...' : '') + typeExprString(f.type)
  return f.names.length > 0 ? `${f.names.map((n) => n.name).join(', ')} ${type}` : type
}

function paramList(fields: A.Field[], variadic: boolean): string {
  return fields.map((f, i) => fieldString(f, variadic && i === fields.length - 1)).join(', ')
}
