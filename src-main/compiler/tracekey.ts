// What a function's trace depends on, as one short key, so that an edit
// elsewhere in the file keeps it: the file outside every function body
// (package clause, imports, types, variables, signatures, pragmas, comments),
// the function's own body and where it starts (every position in the trace
// is a line:col), and the bodies of everything it references, transitively
// (callees decide its escape facts; the closures written in it are built
// with it). An edit inside another function that it does not reference, and
// that keeps the line count above it, leaves the key as it was.

import type * as A from './syntax/ast'
import type { SourceText } from './syntax/source'
import type { FnUnit } from './escape/units'

/** The file's text outside the bodies of its function declarations. */
export function frameText(file: A.File, text: string): string {
  const parts: string[] = []
  let at = 0
  for (const d of file.decls) {
    if (d.kind !== 'FuncDecl' || !d.body) continue
    parts.push(text.slice(at, d.body.pos))
    at = d.body.end
  }
  parts.push(text.slice(at))
  return parts.join('\u0000')
}

/** The declaration a unit is written in: itself, or its outermost enclosing function. Null for package-level literals and wrappers. */
function rootDecl(u: FnUnit): A.FuncDecl | null {
  let r = u
  while (r.parent) r = r.parent
  return r.decl?.body ? r.decl : null
}

/**
 * The key of `unit`'s trace given the file's frame hash, or undefined when
 * the unit is not written in a function declaration (a package-level
 * literal: its code sits in the frame, whose positions it shares).
 */
export function traceKeyOf(unit: FnUnit, frameHash: string, text: string, source: SourceText): string | undefined {
  const own = rootDecl(unit)
  if (!own) return undefined
  const bodies = new Set<A.FuncDecl>()
  const seen = new Set<FnUnit>([unit])
  const work = [unit]
  while (work.length) {
    const u = work.pop()!
    const d = rootDecl(u)
    if (d) bodies.add(d)
    for (const next of [...u.refs, ...(u.parent ? [u.parent] : [])]) {
      if (seen.has(next)) continue
      seen.add(next)
      work.push(next)
    }
  }
  const start = source.position(own.body!.pos)
  const deps = [...bodies].filter((d) => d !== own).map((d) => `${d.name.name}@${hash(text.slice(d.body!.pos, d.body!.end))}`)
  deps.sort()
  return [frameHash, `${start.line}:${start.col}`, hash(text.slice(own.body!.pos, own.body!.end)), ...deps].join(' ')
}

/** A 106-bit hash of s (two 53-bit cyrb53 runs with different seeds), as hex. */
export function hash(s: string): string {
  return cyrb53(s, 0x9e3779b9).toString(16) + cyrb53(s, 0x85ebca6b).toString(16)
}

function cyrb53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
