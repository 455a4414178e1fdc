// Packages of several files (compiler/package.ts) against the real gc: each
// package under testdata/multi compiled by `go tool compile -p p -l` with its
// files in order; gc's -m=2 lines must come back identical (right file per
// line, gc's order across files), and every function's -S listing identical
// on amd64 and ppc64 (each instruction with its own file and line).

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPackage, type PackageFile } from '../../src-main/compiler/package'
import { projectRoot } from '../../src-main/service/paths'
import type { Arch } from '../../src-main/protocol/model'
import { requireGo, skipDifferential } from '../go-toolchain'

const MULTI = join(projectRoot, 'testdata', 'multi')

function packageFiles(dir: string): PackageFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }))
}

/** gc's output (stdout and stderr) for `go tool compile -p p -l FLAGS files…`. */
function gc(files: PackageFile[], flags: string[], arch: Arch): string {
  const tmp = mkdtempSync(join(tmpdir(), 'multi-'))
  try {
    return execFileSync(requireGo().bin, ['tool', 'compile', '-p', 'p', '-l', ...flags, '-o', join(tmp, 'o.o'), ...files.map((f) => f.path)], {
      encoding: 'utf8',
      env: { ...process.env, GOARCH: arch },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** gc's -S text per function (`p.F`): the header and instruction lines, without the hex bytes and relocations. */
function gcListings(text: string): Map<string, string> {
  const out = new Map<string, string>()
  let cur: string | null = null
  for (const l of text.split('\n')) {
    const h = /^(\S+) STEXT /.exec(l)
    if (h) {
      cur = h[1]!
      out.set(cur, l.replace(/ args=/, ' args=') + '\n')
      continue
    }
    if (/^\S/.test(l)) cur = null
    else if (cur && /^\t0x[0-9a-f]{4} \d{5} \(/.test(l)) out.set(cur, out.get(cur)! + l + '\n')
  }
  return out
}

/** PCDATA and FUNCDATA lines (liveness maps we do not model: their symbols are content hashes) left out, as the listing comparisons elsewhere do. */
const withoutMeta = (listing: string): string =>
  listing
    .split('\n')
    .filter((l) => !/\)\t(PCDATA|FUNCDATA)\t/.test(l))
    .join('\n')

const packages = readdirSync(MULTI, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

describe.skipIf(skipDifferential)('packages of several files against gc', () => {
  for (const name of packages) {
    const files = packageFiles(join(MULTI, name))

    it(`${name}: -m=2 lines identical`, async () => {
      const { program, map, diagnostics } = await loadPackage(files, { pkgPath: 'p' })
      expect(diagnostics).toEqual([])
      expect(program.diagnostics).toEqual([])
      const ours = program.escapeReport({ level: 2 }).lines.map((l) => map.text(l))
      const theirs = gc(files, ['-m=2'], 'amd64').split('\n').filter((l) => l !== '')
      expect(ours).toEqual(theirs)
      // The lines really come from more than one file.
      expect(new Set(ours.map((l) => l.split(':')[0])).size).toBeGreaterThan(1)
    }, 60_000)

    for (const arch of ['amd64', 'ppc64'] as const) {
      it(`${name}: -S listings identical on ${arch}`, async () => {
        const { program, map } = await loadPackage(files, { pkgPath: 'p' })
        const theirs = gcListings(gc(files, ['-S'], arch))
        const prog = program.ssa()
        const funcs = prog.functions
        expect(funcs.length).toBeGreaterThan(2)
        for (const f of funcs) {
          const trace = prog.trace(f, arch)
          const ours = map.listing(trace)
          expect(ours, f).not.toBeNull()
          expect(withoutMeta(ours!), f).toBe(withoutMeta(theirs.get(trace.asm!.symbol) ?? ''))
        }
      }, 120_000)
    }
  }
})

describe('packages of several files: scopes and errors', () => {
  it('one package scope across files, a file scope per file', async () => {
    const a = { path: 'a.go', text: 'package p\n\nimport "unsafe"\n\nfunc A() uintptr { return unsafe.Sizeof(B()) }\n' }
    const b = { path: 'b.go', text: 'package p\n\nfunc B() int { return len(unsafe.Slice((*int)(nil), 0)) }\n' }
    const { program, map } = await loadPackage([a, b])
    // b.go does not import unsafe: gc says `undefined: unsafe` there, and a.go's import is used.
    expect(program.diagnostics.map((d) => map.diagnostic(d))).toMatchObject([{ file: 'b.go', line: 3, col: 27, message: 'undefined: unsafe' }])
  })

  it('an import used only in another file is unused', async () => {
    const a = { path: 'a.go', text: 'package p\nimport "unsafe"\nfunc A() {}\n' }
    const b = { path: 'b.go', text: 'package p\nimport "unsafe"\nfunc B() uintptr { return unsafe.Sizeof(1) }\n' }
    const { program, map } = await loadPackage([a, b])
    const ds = program.diagnostics.map((d) => map.diagnostic(d))
    expect(ds.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual(['a.go:2:8: "unsafe" imported and not used'])
    expect(ds[0]!.from).toBe(a.text.indexOf('"unsafe"'))
  })

  it('names declared twice across files', async () => {
    const a = { path: 'a.go', text: 'package p\nfunc F() {}\n' }
    const b = { path: 'b.go', text: 'package p\n\nfunc F() {}\n' }
    const { program, map } = await loadPackage([a, b])
    const ds = program.diagnostics.map((d) => map.diagnostic(d))
    expect(ds[0]).toMatchObject({ file: 'b.go', line: 3, col: 6, message: expect.stringContaining('F redeclared in this block') })
  })

  it('package clauses that disagree: types2 message at 1:1 of the odd file', async () => {
    const a = { path: 'a.go', text: 'package p\nfunc A() {}\n' }
    const b = { path: 'b.go', text: '// doc\n\npackage q\nfunc B() {}\n' }
    const { diagnostics } = await loadPackage([a, b])
    expect(diagnostics).toMatchObject([{ file: 'b.go', line: 1, col: 1, message: 'package q; expected package p' }])
  })

  it('syntax errors keep their own file', async () => {
    const a = { path: 'a.go', text: 'package p\nfunc A() {}\n' }
    const b = { path: 'b.go', text: 'package p\nfunc B( {}\n' }
    const { diagnostics } = await loadPackage([a, b])
    expect(diagnostics.length).toBeGreaterThan(0)
    expect(diagnostics.every((d) => d.file === 'b.go' && d.line === 2)).toBe(true)
  })
})
