// DESIGN §2's dependency rule, checked on every import: protocol ← compiler ←
// gcbridge ← (report, fidelity) ← service ← (worker, index/desktop, server,
// cli, bench); the renderer and the preload depend only on protocol. The
// protocol and the compiler use no Node services. tsconfig.web.json checks the
// renderer's side too; this test names the file that breaks the rule.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../src-main/service/paths'

const LOWER: Record<string, string[]> = {
  protocol: [],
  compiler: ['protocol'],
  gcbridge: ['protocol', 'compiler'],
  report: ['protocol', 'compiler', 'gcbridge'],
  fidelity: ['protocol', 'compiler', 'gcbridge'],
  service: ['protocol', 'compiler', 'gcbridge', 'report', 'fidelity'],
  worker: ['protocol', 'compiler', 'gcbridge', 'report', 'fidelity', 'service'],
}
/** Exceptions that predate this test, each a known debt; do not add to them. */
const KNOWN = new Set([
  'src-main/fidelity/ssa.ts -> src-main/service/paths.ts',
  'src-main/compiler/syntax/treesitter.ts -> node:module',
])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'node_modules' ? [] : files(p)
    return /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts') ? [p] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"\n;]*?(?:from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? m[2]!)
  return out
}

/** The layer of a file: src-main/<layer>/…, `renderer`, `preload`, or `entry` for src-main's top-level files. */
function layerOf(rel: string): string {
  if (rel.startsWith('src-renderer/')) return 'renderer'
  if (rel.startsWith('src-preload/')) return 'preload'
  const parts = rel.split('/')
  return parts.length > 2 ? parts[1]! : 'entry'
}

function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec
  const abs = resolve(dirname(from), spec)
  const rel = relative(projectRoot, abs)
  if (/\.(ts|vue|js|mjs|json|wasm)$/.test(rel)) return rel
  return existsSync(abs) && statSync(abs).isDirectory() ? `${rel}/index.ts` : `${rel}.ts`
}

function violations(): string[] {
  const out: string[] = []
  const roots = ['src-main', 'src-renderer/src', 'src-preload'].map((d) => join(projectRoot, d))
  for (const file of roots.flatMap(files)) {
    const rel = relative(projectRoot, file)
    const layer = layerOf(rel)
    for (const spec of imports(file)) {
      const to = target(file, spec)
      const edge = `${rel} -> ${to}`
      let ok = true
      if (to.startsWith('src-main/')) {
        const dst = layerOf(to)
        if (layer === 'renderer' || layer === 'preload') ok = dst === 'protocol'
        else if (layer in LOWER) ok = dst === layer || LOWER[layer]!.includes(dst)
      } else if (spec.startsWith('node:') || spec === 'electron') {
        if (layer === 'protocol' || layer === 'compiler' || layer === 'renderer') ok = false
      }
      if (!ok && !KNOWN.has(edge) && !KNOWN.has(`${rel} -> ${spec}`)) out.push(edge)
    }
  }
  return out
}

describe('layering', () => {
  it('every import points down the layers of DESIGN §2', () => {
    expect(violations()).toEqual([])
  })

  it('sees imports at all (the scanner works)', () => {
    expect(imports(join(projectRoot, 'src-main', 'worker', 'index.ts'))).toContain('../service/jobs')
    expect(layerOf('src-main/compiler/pipeline.ts')).toBe('compiler')
    expect(target(join(projectRoot, 'src-main/service/jobs.ts'), '../compiler/pipeline')).toBe('src-main/compiler/pipeline.ts')
  })
})
