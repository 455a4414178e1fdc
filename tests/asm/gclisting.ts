// gc's `go tool compile -S` text, per function, and what the differential
// tests compare: the instruction sequence (branch targets as instruction
// indices, so a pc shift elsewhere does not hide a match) and the pcs.

import { readFile } from 'node:fs/promises'
import type { FrameLayout } from '../../src-main/compiler/asm'
import type { GcListing } from '../../src-main/gcbridge/listing'
import { paramVars } from '../../src-main/compiler/asm/frame'
import type { AbiInfo, Signature } from '../../src-main/compiler/ssa/abi'
import { collectUnits } from '../../src-main/compiler/escape/units'
import type { Func } from '../../src-main/compiler/ssa/func'
import type { DumpFunc } from '../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../src-main/gcbridge/tofunc'
import { fromGo } from '../../src-main/compiler/ssa/types'
import { parseFile } from '../../src-main/compiler/syntax'
import { checkFile } from '../../src-main/compiler/types/check'

export { compareListings, normalized, parseGcListing, type Comparison, type GcListing } from '../../src-main/gcbridge/listing'

/**
 * The frame layout gc used, read back from its listing: the TEXT frame size
 * less the saved BP (amd64) or fixed frame (ppc64) and the outgoing argument
 * area, and each variable's offset undone from the SP-relative form.
 */
export function frameFromGc(gc: GcListing, f: Func, abi: AbiInfo | null = null): FrameLayout {
  const text = gc.lines.find((l) => /^TEXT\t/.test(l.text))!.text
  const m = /\$(\d+)-(\d+)$/.exec(text)!
  const printed = Number(m[1])
  const noframe = /NOFRAME/.test(text)
  const fixed = noframe ? 0 : f.arch === 'amd64' ? (printed > 0 ? 8 : 0) : 32
  const frame = printed - fixed
  let maxarg = 0
  for (const b of f.blocks) for (const v of b.values) if (v.op.startsWith('CALL')) maxarg = Math.max(maxarg, v.auxInt64)
  const localsSize = frame - Math.ceil(maxarg / 8) * 8
  const params = new Set<string>()
  for (const b of f.blocks)
    for (const v of b.values) if ((v.op === 'ArgIntReg' || v.op === 'ArgFloatReg' || v.op === 'Arg') && v.aux?.kind === 'sym') params.add(v.aux.name.replace(/\+\d+$/, ''))
  // Parameters from the ABI; the listing alone cannot tell a variable's base from a piece of it.
  const vars = paramVars(abi)
  const fromListing = new Set<string>()
  const pkg = /TEXT\t(\w+)\./.exec(text)?.[1] ?? 'p'
  const re = new RegExp(`(?:^|[\\s,$])${pkg}\\.([^\\s,()+-]+)([+-]\\d+)?\\((SP|FP|R1)\\)`, 'g')
  for (const l of gc.lines) {
    for (const mm of l.text.matchAll(re)) {
      const name = mm[1]!
      const off = Number(mm[2] ?? 0)
      const param = mm[3] === 'FP' || params.has(name)
      if (vars.has(name) && !fromListing.has(name)) continue
      let offset = off
      if (f.arch === 'amd64') offset = param ? off - printed - 8 : off - frame
      // The smallest offset seen is the variable's own; larger ones are pieces of it.
      if (vars.has(name) && vars.get(name)!.offset <= offset) continue
      fromListing.add(name)
      vars.set(name, { offset, param })
    }
  }
  return { localsSize, argsSize: Number(m[2]), vars }
}

/** Parameters and results of the file's functions (and whether gc generates them as wrappers), from our front end. */
export async function signaturesFromSource(path: string): Promise<Map<string, { signature: Signature; wrapper: boolean }>> {
  const out = new Map<string, { signature: Signature; wrapper: boolean }>()
  const parsed = await parseFile(path, await readFile(path, 'utf8'))
  if (parsed.diagnostics.length) return out
  const checked = checkFile(parsed.file, parsed.source)
  if (checked.diagnostics.length) return out
  for (const u of collectUnits(parsed.file, checked.info).all) {
    const sig = u.signature
    try {
      const params = [...(sig.recv ? [sig.recv] : []), ...sig.params].map((v) => ({ name: v.irName, type: fromGo(v.type) }))
      const results = sig.results.map((v, i) => ({ name: v.irName || `~r${i}`, type: fromGo(v.type) }))
      out.set(u.name, { signature: { params, results }, wrapper: u.wrapper !== null })
    } catch {
      // A type the SSA layer does not model yet: the assembler falls back to gc's dump header.
    }
  }
  return out
}

/**
 * gc's function after trim as our Func, blocks in gc's layout order with the
 * entry first (after scheduling, InitMem need not be in the entry block, so
 * funcFromDump's guess of the entry does not hold here).
 */
export function trimFunc(d: DumpFunc, arch: string): Func {
  const f = funcFromDump(d, arch)
  const byRef = new Map(f.blocks.map((b) => [b.ref, b]))
  f.blocks = d.blocks.map((b) => byRef.get(b.id)!)
  f.entry = f.blocks[0]!
  f.scheduled = true
  return f
}

/** regalloc's scratch registers as gc's dump prints them (` tmp=CX`), by value id. */
export function dumpTemps(d: DumpFunc): Map<number, string> {
  const out = new Map<number, string>()
  for (const b of d.blocks) for (const v of b.values) if (v.tmp) out.set(Number(v.id.slice(1)), v.tmp)
  return out
}

/** gc's -S listing of a file for GOARCH (package path `p`, no inlining, as the SSA dumps are made). */
export async function gcListingText(file: string, goarch: string): Promise<string> {
  const { run, goEnv } = await import('../../src-main/gcbridge/toolchain')
  const { mkdtemp, rm } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const dir = await mkdtemp(join(tmpdir(), 'ssascope-asm-'))
  try {
    const out = await run(process.env['SSASCOPE_GO'] ?? 'go', ['tool', 'compile', '-p=p', '-l', '-S', '-o', join(dir, 'x.o'), file], { env: goEnv({ GOARCH: goarch }) })
    if (out.code !== 0) throw new Error(`go tool compile -S ${file}: ${out.stderr}`)
    return out.stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
