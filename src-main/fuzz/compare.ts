// One program's verdict: ours against gc's, per category. A category that
// does not hold gets a short signature, so the shrinker can keep a repro
// failing the same way and the summary can group failures.

import { compareListings, type GcListing } from '../gcbridge/listing'
import { mergeDecisions, normalizeTrace } from '../gcbridge/mergelocals'
import { allocationCalls } from '../gcbridge/allocs'
import { formatGcLine, parseGcOutput } from '../gcbridge/toolchain'
import { dropInterfaceWrapperLines } from '../gcbridge/wrappers'
import { ARCHES, type FuzzArch, type GcFileResult } from './gcrun'
import { spellAllocs, type OurResult } from './ours'

/** What we compare of gc's output, in comparable form (golden files hold this, listings aside). */
export interface GcFacts {
  errors: string[]
  escape: string[]
  /** Allocation calls in `start` per function, spelled (spellAllocs). */
  allocs: Map<string, string[]>
  /** Merge decisions per arch and function ('' for nothing merged). */
  merge: Map<FuzzArch, Map<string, string>>
  listing: Map<FuzzArch, Map<string, GcListing>>
}

/** The merge decisions of a -d=mergelocalstrace=2 (or 3) trace, temporaries' numbers dropped. */
export const decisionsOf = (trace: string): string => anyTemp(mergeDecisions(normalizeTrace(trace)))

export function gcFacts(r: GcFileResult): GcFacts {
  const allocs = new Map([...r.build].map(([fn, d]) => [fn, spellAllocs(allocationCalls(d))]))
  const merge = new Map([...r.merge].map(([arch, m]) => [arch, new Map([...m].map(([fn, t]) => [fn, decisionsOf(t)]))]))
  // gc's interface method wrappers (I.M) are not ours to analyse: their -m=2 explanations are dropped (gcbridge/wrappers.ts).
  const escape = dropInterfaceWrapperLines(parseGcOutput(r.escape.join('\n'))).map(formatGcLine)
  return { errors: r.errors, escape, allocs, merge, listing: r.listing }
}

export const CATEGORIES = ['invalid', 'crash', 'refused', 'internal', 'failed-pass', 'escape', 'alloc', 'merge', 'listing'] as const
export type Category = (typeof CATEGORIES)[number]

export interface Failure {
  category: Category
  /** What failed, without positions or numbers that vary between programs. */
  signature: string
  /** The detail to show: the first differing line, the error. */
  detail: string
  /** Set when SSA construction refused one function (the rest of the file is still compared). */
  func?: string
}

export interface FuncArchPair {
  func: string
  arch: FuzzArch
  /** Either side merged something. */
  merged: boolean
  sameMerge: boolean
  /** Both sides produced a listing. */
  listed: boolean
  sameListing: boolean
  /** With the same instructions: how many carry gc's source line (compared as `-S` prints it), of how many. */
  lines?: { agree: number; total: number }
  /** The first instruction on another line than gc's. */
  lineDiff?: string
  /** With other instructions: the first differing one, `#i: ours | gc`. */
  listingDiff?: string
}

export interface Verdict {
  failures: Failure[]
  /** Functions compared for allocation calls, and how many agreed. */
  allocFuncs: number
  allocSame: number
  pairs: FuncArchPair[]
}

/** gc numbers temporaries across walk and order, which we do not model: compare them by kind only. */
const anyTemp = (t: string): string => t.replace(/\.autotmp_\d+/g, '.autotmp_N')

/** Numbers, value ids and positions out of a message, so the same fault in two programs has one signature. */
export function normalizeMessage(m: string): string {
  return m
    .split('\n')[0]!
    .replace(/\b(amd|ppc)64\b/g, '$1_ARCH')
    .replace(/\S+\.go:\d+(:\d+)?/g, 'FILE')
    .replace(/\b[vb]\d+\b/g, (x) => x[0] + 'N')
    .replace(/\b(\w+?)_\d+\b/g, '$1')
    .replace(/\d+/g, 'N')
    .replace(/(amd|ppc)_ARCH/g, '$164')
    .slice(0, 160)
}

export function multisetDiff(gc: string[], ours: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>()
  for (const l of gc) count.set(l, (count.get(l) ?? 0) + 1)
  const extra: string[] = []
  for (const l of ours) {
    const n = count.get(l) ?? 0
    if (n > 0) count.set(l, n - 1)
    else extra.push(l)
  }
  const missing: string[] = []
  for (const [l, n] of count) for (let i = 0; i < n; i++) missing.push(l)
  return { missing, extra }
}

export function verdict(gc: GcFacts, us: OurResult, arches: readonly FuzzArch[] = ARCHES): Verdict {
  const v: Verdict = { failures: [], allocFuncs: 0, allocSame: 0, pairs: [] }
  const fail = (category: Category, signature: string, detail: string): void => void v.failures.push({ category, signature: normalizeMessage(signature), detail })
  if (gc.errors.length > 0) {
    fail('invalid', gc.errors[0]!, gc.errors.slice(0, 3).join('\n'))
    return v
  }
  if (us.crash !== undefined) {
    fail('crash', us.crash, us.crash)
    return v
  }
  if (us.refused.length > 0) {
    const d = us.refused[0]!
    fail('refused', d.message, `${d.file}:${d.line}:${d.col}: ${d.message}`)
    return v
  }

  const esc = multisetDiff(gc.escape, us.escape)
  if (esc.missing.length + esc.extra.length > 0) {
    const first = esc.missing[0] !== undefined ? `gc only: ${esc.missing[0]}` : `ours only: ${esc.extra[0]}`
    const lines = [...esc.missing.slice(0, 6).map((l) => `gc only: ${l}`), ...esc.extra.slice(0, 6).map((l) => `ours only: ${l}`)]
    fail('escape', first.replace(/^(\w+ only: )\S+: /, '$1'), `${esc.missing.length} gc-only, ${esc.extra.length} ours-only:\n${lines.join('\n')}`)
  }

  const seenInternal = new Set<string>()
  let allocDiff: string | null = null
  for (const [name, fn] of us.funcs) {
    const theirs = gc.allocs.get(name)
    if (theirs && fn.allocs) {
      v.allocFuncs++
      if (theirs.join('\n') === fn.allocs.join('\n')) v.allocSame++
      else allocDiff ??= `${name}: gc [${theirs.join('; ')}] ours [${fn.allocs.join('; ')}]`
    } else if (theirs && !fn.allocs && ![...fn.arches.values()].some((a) => a.buildError?.includes('unsupported:'))) {
      v.allocFuncs++
      allocDiff ??= `${name}: no start on our side`
    }
    for (const arch of arches) {
      const a = fn.arches.get(arch)
      if (!a) continue
      if (a.buildError !== undefined) {
        const m = a.buildError.replace(/^\S+:\d+:\d+: /, '')
        const cat: Category = m.startsWith('unsupported:') ? 'refused' : 'internal'
        if (!seenInternal.has(cat + m)) {
          fail(cat, m, `${name} ${arch}: ${a.buildError}`)
          v.failures[v.failures.length - 1]!.func = name
        }
        seenInternal.add(cat + m)
        continue
      }
      if (a.failed) {
        const key = `${a.failed.pass}: ${a.failed.error}`
        if (!seenInternal.has(key)) fail('failed-pass', key, `${name} ${arch}: ${key}`)
        seenInternal.add(key)
      }
      const gcDec = gc.merge.get(arch)?.get(name) ?? ''
      const ourDec = decisionsOf(a.merge)
      const gl = gc.listing.get(arch)?.get(name)
      const listed = gl !== undefined && a.listing !== null
      const cmp = listed ? compareListings(a.listing!, gl.lines) : null
      const pair: FuncArchPair = {
        func: name,
        arch,
        merged: gcDec !== '' || ourDec !== '',
        sameMerge: gcDec === ourDec && !a.failed,
        listed,
        sameListing: cmp?.sameInstructions ?? false,
      }
      if (cmp?.lines) pair.lines = cmp.lines
      if (cmp?.lineDiff) pair.lineDiff = `${name} ${arch}: ${cmp.lineDiff}`
      if (cmp && !cmp.sameInstructions) pair.listingDiff = `${name} ${arch}: ${cmp.diff}`
      v.pairs.push(pair)
      // A failed pass is its own category; its merge and listing differences follow from it.
      if (a.failed) continue
      if (!pair.sameMerge && !v.failures.some((f) => f.category === 'merge')) {
        fail('merge', `${arch}`, `${name} ${arch}:\n  gc: ${gcDec.split('\n').join('\n      ') || '(nothing merged)'}\n  us: ${ourDec.split('\n').join('\n      ') || '(nothing merged)'}`)
      }
      if (gl && !pair.sameListing && !v.failures.some((f) => f.category === 'listing')) {
        fail('listing', arch, `${name} ${arch}: ${cmp?.diff ?? 'no listing on our side'}`)
      }
    }
  }
  // A function gc compiled that we did not (or the reverse) is an allocation-call difference too.
  for (const name of gc.allocs.keys()) {
    if (!us.funcs.has(name)) {
      v.allocFuncs++
      allocDiff ??= `${name}: compiled by gc, not by us`
    }
  }
  if (allocDiff) fail('alloc', allocDiff.replace(/^[^:]+: /, ''), allocDiff)
  return v
}
