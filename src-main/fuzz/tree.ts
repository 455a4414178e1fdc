// A generated program as a tree of lines and blocks, so the shrinker can
// remove statements, declarations, case clauses and else branches, or
// replace a block by its bodies, without reparsing Go.

export interface Line {
  kind: 'line'
  text: string
}

export interface Block {
  kind: 'block'
  /** The opening line: `for i := 0; i < n; i++ {`, `switch x {`, `f := func() int {`. */
  head: string
  parts: Part[]
  /** The closing line: `}`, `}()`, `}(3)`. */
  tail: string
}

export interface Part {
  /** Printed at the block's indentation before the body: `case 1:`, `} else {`; null for none. */
  label: string | null
  body: Item[]
  /** Whether the shrinker may drop this part (a case clause, an else branch). */
  removable: boolean
}

export type Item = Line | Block

export interface Program {
  pkg: string
  /** Top-level declarations, printed with a blank line between them. */
  decls: Item[]
}

export const line = (text: string): Line => ({ kind: 'line', text })
export const block = (head: string, parts: Part[], tail = '}'): Block => ({ kind: 'block', head, parts, tail })
export const part = (body: Item[], label: string | null = null, removable = false): Part => ({ label, body, removable })

export function printProgram(p: Program): string {
  const out: string[] = [`package ${p.pkg}`, '']
  for (const d of p.decls) {
    printItem(d, 0, out)
    out.push('')
  }
  return out.join('\n')
}

function printItem(it: Item, depth: number, out: string[]): void {
  const ind = '\t'.repeat(depth)
  if (it.kind === 'line') {
    // A label line (`L1:`) goes one level out, as gofmt puts it.
    for (const l of it.text.split('\n')) out.push(/^[A-Za-z_]\w*:$/.test(l) && depth > 0 ? '\t'.repeat(depth - 1) + l : ind + l)
    return
  }
  out.push(ind + it.head)
  for (const p of it.parts) {
    if (p.label !== null) out.push(ind + p.label)
    for (const c of p.body) printItem(c, depth + 1, out)
  }
  out.push(ind + it.tail)
}

/** Number of items (lines and blocks) in the tree: the size the shrinker minimises. */
export function countItems(items: Item[]): number {
  let n = 0
  for (const it of items) {
    n++
    if (it.kind === 'block') for (const p of it.parts) n += countItems(p.body)
  }
  return n
}

/** A deep copy (the shrinker edits copies). */
export function cloneProgram(p: Program): Program {
  return { pkg: p.pkg, decls: p.decls.map(cloneItem) }
}

function cloneItem(it: Item): Item {
  if (it.kind === 'line') return { ...it }
  return { ...it, parts: it.parts.map((p) => ({ ...p, body: p.body.map(cloneItem) })) }
}
