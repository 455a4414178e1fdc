// Terminating statements (the spec's rule behind "missing return").

import type * as A from '../syntax/ast'

export function isTerminating(s: A.Stmt, label: string): boolean {
  switch (s.kind) {
    case 'Labeled':
      return isTerminating(s.stmt, s.label.name)
    case 'Return':
      return true
    case 'ExprStmt': {
      // A call of the built-in panic (types2 checks the callee is the builtin; the subset cannot shadow it usefully).
      let x = s.x
      while (x.kind === 'Paren') x = x.x
      if (x.kind !== 'Call') return false
      let f = x.fun
      while (f.kind === 'Paren') f = f.x
      return f.kind === 'Ident' && f.name === 'panic'
    }
    case 'TypeSwitch': {
      let hasDefault = false
      for (const cc of s.clauses) {
        if (cc.list === null) hasDefault = true
        if (!isTerminatingList(cc.body, '') || hasBreakList(cc.body, label, true)) return false
      }
      return hasDefault
    }
    case 'Branch':
      return s.tok === 'goto' || s.tok === 'fallthrough'
    case 'Block':
      return isTerminatingList(s.stmts, '')
    case 'If':
      return s.else !== null && isTerminating(s.then, '') && isTerminating(s.else, '')
    case 'Switch': {
      let hasDefault = false
      for (const cc of s.clauses) {
        if (cc.list === null) hasDefault = true
        if (!isTerminatingList(cc.body, '') || hasBreakList(cc.body, label, true)) return false
      }
      return hasDefault
    }
    case 'Select':
      return s.clauses.every((cc) => isTerminatingList(cc.body, '') && !hasBreakList(cc.body, label, true))
    case 'For':
      return s.cond === null && !hasBreak(s.body, label, true)
    default:
      return false
  }
}

function isTerminatingList(list: A.Stmt[], label: string): boolean {
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i]!.kind !== 'Empty') return isTerminating(list[i]!, label)
  }
  return false
}

/** Whether s contains a break out of the statement labelled `label` (or, if implicit, an unlabelled one). */
function hasBreak(s: A.Stmt, label: string, implicit: boolean): boolean {
  switch (s.kind) {
    case 'Labeled':
      return hasBreak(s.stmt, label, implicit)
    case 'Branch':
      return s.tok === 'break' && (s.label === null ? implicit : s.label.name === label)
    case 'Block':
      return hasBreakList(s.stmts, label, implicit)
    case 'If':
      return hasBreak(s.then, label, implicit) || (s.else !== null && hasBreak(s.else, label, implicit))
    case 'Switch':
    case 'TypeSwitch':
    case 'Select':
      return label !== '' && s.clauses.some((cc) => hasBreakList(cc.body, label, false))
    case 'For':
    case 'Range':
      return label !== '' && hasBreak(s.body, label, false)
    default:
      return false
  }
}

function hasBreakList(list: A.Stmt[], label: string, implicit: boolean): boolean {
  return list.some((s) => hasBreak(s, label, implicit))
}
