// gc's `go tool compile -S` text, per function, and what the differential
// tests and the fuzzer compare: the instruction sequence (branch targets as
// instruction indices, so a pc shift elsewhere does not hide a match) and the pcs.

import type { AsmLine } from '../protocol/model'

export interface GcListing {
  header: string
  lines: AsmLine[]
}

/** Functions of `-S` output by gc's name without the package (`ABC`, `(*T).M`). */
export function parseGcListing(text: string, pkg = 'p'): Map<string, GcListing> {
  const out = new Map<string, GcListing>()
  let cur: GcListing | null = null
  for (const l of text.split('\n')) {
    const h = /^(\S+) STEXT /.exec(l)
    if (h) {
      cur = h[1]!.startsWith(pkg + '.') ? { header: l, lines: [] } : null
      if (cur) out.set(h[1]!.slice(pkg.length + 1), cur)
      continue
    }
    if (/^\S/.test(l)) cur = null
    // `(<unknown line number>)` for instructions without a position.
    const m = /^\t0x[0-9a-f]{4} (\d{5}) \((?:.*:(\d+)|<unknown line number>)\)\t(.*)$/.exec(l)
    if (m && cur) cur.lines.push({ pc: Number(m[1]), line: Number(m[2] ?? 0), text: m[3]! })
  }
  return out
}

const isMeta = (t: string): boolean => /^(PCDATA|FUNCDATA)\b/.test(t)
const BRANCH = /^(J[A-Z]+|B[A-Z]*|CALL|JMP)\t(\d+)$/

/** Instruction texts without PCDATA/FUNCDATA, branch targets replaced by the index of the target instruction. */
export function normalized(lines: AsmLine[]): string[] {
  const real = lines.filter((l) => !isMeta(l.text))
  const indexOfPc = new Map<number, number>()
  real.forEach((l, i) => {
    if (!indexOfPc.has(l.pc)) indexOfPc.set(l.pc, i)
  })
  return real.map((l) => {
    const b = BRANCH.exec(l.text)
    if (b) return `${b[1]}\t@${indexOfPc.get(Number(b[2])) ?? '?' + b[2]}`
    const bc = /^(BC\t\$\d+, \w+, )(\d+)$/.exec(l.text)
    if (bc) return `${bc[1]}@${indexOfPc.get(Number(bc[2])) ?? '?'}`
    return l.text
  })
}

export interface Comparison {
  sameInstructions: boolean
  samePcs: boolean
  /** With the same instructions: how many carry gc's source line, of how many. */
  lines?: { agree: number; total: number }
  /** With the same instructions: the first one on another line than gc's, `#i TEXT: ours | gc`. */
  lineDiff?: string
  /** First differing instruction, `ours | gc`. */
  diff?: string
}

export function compareListings(ours: AsmLine[], gc: AsmLine[]): Comparison {
  const a = normalized(ours)
  const b = normalized(gc)
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const sameInstructions = i === a.length && i === b.length
  const pa = ours.filter((l) => !isMeta(l.text)).map((l) => l.pc)
  const pb = gc.filter((l) => !isMeta(l.text)).map((l) => l.pc)
  const samePcs = sameInstructions && pa.every((p, j) => p === pb[j])
  if (!sameInstructions) return { sameInstructions, samePcs, diff: `#${i}: ${a[i] ?? '(end)'} | ${b[i] ?? '(end)'}` }
  const lines = lineAgreement(ours, gc, a)
  if (samePcs) return { sameInstructions, samePcs, ...lines }
  // The instruction before the first pc mismatch has the wrong size.
  const j = pa.findIndex((p, k) => p !== pb[k])
  return { sameInstructions, samePcs, ...lines, diff: `pc after ${a[j - 1]}: ${pa[j]} | ${pb[j]}` }
}

/** Source lines of two listings with the same instructions (`texts`: their normalized form), instruction by instruction. */
function lineAgreement(ours: AsmLine[], gc: AsmLine[], texts: string[]): Pick<Comparison, 'lines' | 'lineDiff'> {
  const la = ours.filter((l) => !isMeta(l.text)).map((l) => l.line)
  const lb = gc.filter((l) => !isMeta(l.text)).map((l) => l.line)
  let agree = 0
  let lineDiff: string | undefined
  la.forEach((l, k) => {
    if (l === lb[k]) agree++
    else lineDiff ??= `#${k} ${texts[k]}: line ${l} | ${lb[k]}`
  })
  return lineDiff === undefined ? { lines: { agree, total: la.length } } : { lines: { agree, total: la.length }, lineDiff }
}
