// Labels and branch statements, checked per function body the way gc's
// parser does it (syntax/branches.go): undefined and unused labels, break
// and continue outside loops, gotos into blocks or over declarations. Also
// records each branch's target for later phases.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import type { LabelObj } from './objects'
import { assignOpPos } from './positions'

interface Label {
  obj: LabelObj
  /** The block that declares the label. */
  parent: Block
}

interface Block {
  parent: Block | null
  start: number
  /** The labelled statement this block belongs to (the body of `L: for …`). */
  lstmt: A.Labeled | null
}

interface Targets {
  breaks: A.For | A.Range | A.Switch | A.TypeSwitch | A.Select | null
  continues: A.For | A.Range | null
}

export function checkBranches(c: Checker, body: A.Block): void {
  const labels = new Map<string, Label>()
  const err = (pos: number, msg: string, end = pos) => c.errorAtPos(pos, msg, end)
  const targets = c.info.branchTargets

  const declareLabel = (b: Block, s: A.Labeled): Label => {
    const name = s.label.name
    const alt = labels.get(name)
    if (alt) {
      err(s.label.pos, `label ${name} already defined at ${c.errors.where(alt.obj.pos)}`, s.label.end)
      return alt
    }
    const obj: LabelObj = { kind: 'label', name, pos: s.label.pos, stmt: s, used: false }
    c.recordDef(s.label, obj)
    const l = { obj, parent: b }
    labels.set(name, l)
    return l
  }

  const useLabel = (id: A.Ident, l: Label) => {
    l.obj.used = true
    c.recordUse(id, l.obj)
  }

  /** The labelled statement enclosing b named `name`; 'invalid' if the label exists elsewhere. */
  const enclosingTarget = (b: Block | null, id: A.Ident): A.Labeled | 'invalid' | null => {
    const l = labels.get(id.name)
    if (!l) return null
    useLabel(id, l)
    for (; b; b = b.parent) if (b.lstmt === l.obj.stmt) return l.obj.stmt
    return 'invalid'
  }

  /** Source order of gotos, to hand unresolved ones back in the order gc's list has them. */
  const gotoOrder = new Map<A.Branch, number>()

  const blockBranches = (parent: Block | null, ctxt: Targets, lstmt: A.Labeled | null, start: number, list: A.Stmt[]): A.Branch[] => {
    const b: Block = { parent, start, lstmt }
    let varPos = -1
    let varName = ''
    // gc keeps one list of pending forward gotos and copies it at every
    // declaration ("bad gotos"); here they are kept by label name, with the
    // statement at which each joined this block, so a body with thousands of
    // labels and gotos stays linear. A goto is bad when it joined before the
    // latest declaration.
    const fwdGotos = new Map<string, A.Branch[]>()
    const joined = new Map<A.Branch, number>()
    let now = 0
    let varAt = -1
    const addForward = (g: A.Branch) => {
      const name = g.label!.name
      const same = fwdGotos.get(name)
      if (same) same.push(g)
      else fwdGotos.set(name, [g])
      joined.set(g, now)
    }
    const recordVarDecl = (pos: number, name: string) => {
      varPos = pos
      varName = name
      varAt = now
    }
    const innerBlock = (inner: Targets, innerStart: number, stmts: A.Stmt[], label: A.Labeled | null) => {
      for (const g of blockBranches(b, inner, label, innerStart, stmts)) addForward(g)
    }
    const stmts = trimTrailingEmpty(list)
    for (let s of stmts) {
      now++
      let label: A.Labeled | null = null
      while (s.kind === 'Labeled') {
        if (s.label.name !== '_') {
          const name = s.label.name
          const l = declareLabel(b, s)
          for (const fwd of fwdGotos.get(name) ?? []) {
            useLabel(fwd.label!, l)
            targets.set(fwd, s as A.Labeled)
            if (varPos >= 0 && joined.get(fwd)! < varAt) {
              err(fwd.label!.pos, `goto ${name} jumps over declaration of ${varName} at ${c.errors.where(varPos)}`, fwd.label!.end)
            }
          }
          fwdGotos.delete(name)
          label = s
        }
        s = s.stmt
      }
      switch (s.kind) {
        case 'DeclStmt':
          if (s.decl.kind === 'VarDecl' && s.decl.specs[0]) recordVarDecl(s.decl.specs[0].pos, s.decl.specs[0].names[0]?.name ?? '')
          break
        case 'Assign':
          if (s.op === ':=') recordVarDecl(assignOpPos(s, c.text), s.lhs.map(exprName).join(', '))
          break
        case 'Branch':
          branch(s, b, ctxt)
          break
        case 'Block':
          innerBlock({ ...ctxt }, s.pos, s.stmts, label)
          break
        case 'If':
          ifBranches(s, ctxt, label, innerBlock)
          break
        case 'For':
        case 'Range':
          innerBlock({ breaks: s, continues: s }, s.body.pos, s.body.stmts, label)
          break
        case 'Switch':
        case 'TypeSwitch':
        case 'Select':
          for (const cc of s.clauses) innerBlock({ breaks: s, continues: ctxt.continues }, cc.pos, cc.body, label)
          break
        default:
          break
      }
    }
    return [...fwdGotos.values()].flat().sort((x, y) => gotoOrder.get(x)! - gotoOrder.get(y)!)

    function branch(s: A.Branch, blk: Block, t: Targets): void {
      if (!s.label) {
        if (s.tok === 'break') {
          if (t.breaks) targets.set(s, t.breaks)
          else err(s.pos, 'break is not in a loop, switch, or select', s.end)
        } else if (s.tok === 'continue') {
          if (t.continues) targets.set(s, t.continues)
          else err(s.pos, 'continue is not in a loop', s.end)
        }
        return
      }
      const id = s.label
      const name = id.name
      if (s.tok === 'goto') {
        gotoOrder.set(s, gotoOrder.size)
        const l = labels.get(name)
        if (l) {
          useLabel(id, l)
          for (let p: Block | null = blk; p; p = p.parent) {
            if (l.parent === p) {
              targets.set(s, l.obj.stmt)
              return
            }
          }
        }
        addForward(s)
        return
      }
      const target = enclosingTarget(blk, id)
      if (!target) {
        err(id.pos, `${s.tok} label not defined: ${name}`, id.end)
        return
      }
      const st = target === 'invalid' ? null : target.stmt
      const ok = s.tok === 'break' ? st && (st.kind === 'For' || st.kind === 'Range' || st.kind === 'Switch' || st.kind === 'TypeSwitch' || st.kind === 'Select') : st && (st.kind === 'For' || st.kind === 'Range')
      if (ok && st) targets.set(s, st as A.For | A.Range | A.Switch | A.TypeSwitch | A.Select)
      else err(id.pos, `invalid ${s.tok} label ${name}`, id.end)
    }
  }

  const fwd = blockBranches(null, { breaks: null, continues: null }, null, body.pos, body.stmts)
  for (const g of fwd) {
    const name = g.label!.name
    const l = labels.get(name)
    if (l) {
      useLabel(g.label!, l)
      err(g.label!.pos, `goto ${name} jumps into block starting at ${c.errors.where(l.parent.start)}`, g.label!.end)
    } else err(g.label!.pos, `label ${name} not defined`, g.label!.end)
  }
  for (const l of labels.values()) {
    if (!l.obj.used) err(l.obj.pos, `label ${l.obj.name} defined and not used`, l.obj.pos + l.obj.name.length)
  }
}

function ifBranches(
  s: A.If,
  ctxt: Targets,
  label: A.Labeled | null,
  innerBlock: (t: Targets, start: number, stmts: A.Stmt[], label: A.Labeled | null) => void,
): void {
  innerBlock({ ...ctxt }, s.then.pos, s.then.stmts, label)
  if (s.else) innerBlock({ ...ctxt }, s.else.pos, [s.else], label)
}

function trimTrailingEmpty(list: A.Stmt[]): A.Stmt[] {
  let n = list.length
  while (n > 0 && list[n - 1]!.kind === 'Empty') n--
  return list.slice(0, n)
}

function exprName(e: A.Expr): string {
  return e.kind === 'Ident' ? e.name : '_'
}
