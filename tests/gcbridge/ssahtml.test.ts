// gc's ssa.html read into our FuncTrace: files made here by Go 1.26.8 and
// Go 1.27.0 (testdata/ssahtml, from sample.go), checked against what gc
// printed; against gc's own text dumps of the same passes when go is
// installed; and malformed or truncated files give a located error.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatSsaDump, gcSsaDumps, importSsaHtml, SsaHtmlError, type DumpFunc } from '../../src-main/gcbridge'
import { generateSsaHtml } from '../../src-main/gcbridge/ssahtml/generate'
import { decodeTrace, encodeTrace } from '../../src-main/protocol/trace-codec'
import { findLive as findLiveBy } from '../../src-main/protocol/ssa-text'
import { projectRoot } from '../../src-main/service/paths'
import { goUnavailable, skipDifferential } from '../go-toolchain'

const dir = join(projectRoot, 'testdata', 'ssahtml')
const read = (name: string): string => readFileSync(join(dir, name), 'utf8')

function errorOf(f: () => unknown): SsaHtmlError {
  try {
    f()
  } catch (e) {
    if (e instanceof SsaHtmlError) return e
    throw e
  }
  throw new Error('no error')
}

describe.each([
  ['sum-go1.26.html', 26],
  ['sum-go1.27.html', 27],
])('%s', (file, minor) => {
  const r = importSsaHtml(read(file))
  const t = r.trace

  it('names the function and guesses the arch from the lowered ops', () => {
    expect(t.func).toBe('Sum')
    expect(t.arch).toBe('amd64')
    expect(t.origin).toMatchObject({ kind: 'ssa.html', heading: 'Sum,1', warnings: [] })
    expect(t.idsReusedAcrossPasses).toBe(true)
  })

  it('splits merged columns back into every pass, in gc’s order', () => {
    const names = t.passes.map((p) => p.name)
    expect(names.slice(0, 4)).toEqual(['before insert phis', 'start', 'number lines', 'early phielim and copyelim'])
    for (const p of ['opt', 'generic cse', 'prove', 'lower', 'late lower', 'schedule', 'regalloc', 'trim']) expect(names).toContain(p)
    // Passes of a merged column keep their own names (with spaces), never the column id's dashes.
    expect(names.filter((n) => n.includes('-') && n !== 'pre-opt deadcode')).toEqual([])
    // 1.27 added the known bits pass.
    expect(names.includes('known bits')).toBe(minor >= 27)
    // A column is written when a pass changed the function: in a merged column only the last pass did.
    const lower = t.passes.findIndex((p) => p.name === 'lower')
    expect(t.passes[lower]!.status).toBe('changed')
    expect(t.passes[lower - 1]!.status).toBe('unchanged')
    expect(t.passes[lower - 1]!.snapshot).toBe(t.passes[lower - 2]!.snapshot)
    expect(t.passes[lower]!.snapshot).not.toBe(t.passes[lower - 1]!.snapshot)
    expect(t.passes.find((p) => p.name === 'opt')!.ms).toBeGreaterThan(0)
  })

  it('reads blocks, values, positions, registers and names', () => {
    const opt = t.passes.find((p) => p.name === 'opt')!.snapshot
    expect(opt.arch).toBe('generic')
    const args = opt.blocks[0]!.values.filter((v) => v.op === 'Arg')
    expect(args.map((v) => v.aux)).toEqual(['xs', 's'])
    expect(args[0]).toMatchObject({ type: '[]int', line: 15, stmt: '-' })
    expect(opt.names.map((n) => n.name)).toEqual(expect.arrayContaining(['xs[[]int]', 's[string]', 't[int]']))
    const loop = opt.blocks.find((b) => b.kind === 'If')!
    expect(loop.succs).toHaveLength(2)
    expect(loop.preds).toHaveLength(2)
    const ra = t.passes.find((p) => p.name === 'regalloc')!.snapshot
    expect(ra.arch).toBe('amd64')
    expect(ra.scheduled).toBe(true)
    const argRegs = ra.blocks[0]!.values.filter((v) => v.op === 'ArgIntReg').map((v) => ra.locs![v.id])
    expect(argRegs).toEqual(['AX', 'BX', 'DI', 'SI'])
    expect(ra.blocks.some((b) => b.values.some((v) => v.op === 'CALLstatic' && v.aux === 'AuxCall{strings.ToUpper}'))).toBe(true)
  })

  it('reads the genssa listing with its Prog numbers, lines, values and liveness comments', () => {
    const asm = t.asm!
    expect(asm.progNumbers).toBe(true)
    expect(asm.symbol).toBe('p.Sum')
    expect(asm.attrs).toEqual(['ABIInternal'])
    expect(asm.lines[0]).toMatchObject({ pc: 0, text: 'TEXT\tp.Sum(SB), ABIInternal' })
    expect(asm.lines.map((l) => l.pc)).toEqual(asm.lines.map((_, i) => i))
    const call = asm.lines.find((l) => l.text.startsWith('CALL\tstrings.ToUpper'))!
    expect(call.value).toMatch(/^v\d+$/)
    expect(call.line).toBe(20)
    expect(asm.comments!.map((c) => c.text)).toEqual(expect.arrayContaining(['live at entry to Sum: s xs', 'live at call to ToUpper:']))
    const ret = asm.lines.find((l) => l.text === 'RET')!
    expect(ret.block).toMatch(/^b\d+$/)
  })

  it('reads the sources column (the function’s lines; inlined code keeps its own line numbers)', () => {
    expect(r.sources).toHaveLength(1)
    const src = r.sources[0]!
    expect(src.file.endsWith('testdata/ssahtml/sample.go')).toBe(true)
    expect(src.lines.map((l) => l.line)).toEqual([15, 16, 17, 18, 19, 20, 21])
    const lines = new Map(src.lines.map((l) => [l.line, l.text]))
    expect(lines.get(15)).toBe('func Sum(xs []int, s string) (int, string) {')
    // clamp (lines 7-12) was inlined: its values say so, the column does not show it.
    expect(t.passes[1]!.snapshot.blocks.some((b) => b.values.some((v) => v.line === 8))).toBe(true)
    expect(lines.get(18)).toBe('\t\tt += clamp(x, 1)')
    expect(r.ast[0]).toBe('buildssa-body')
  })

  it('marks values DEAD as gc’s own columns do (effectOps against gc’s dead-value marks)', () => {
    const roots = new Set(t.effectOps)
    const bad: string[] = []
    let compared = 0
    r.dumps.forEach((col) => {
      const snap = t.passes.find((p) => p.name === col.passes[col.passes.length - 1])!.snapshot
      const { live } = findLiveBy(snap, (op) => roots.has(op))
      for (const b of col.func.blocks) {
        for (const v of b.values) {
          if (!live.has(v.id) !== v.dead) bad.push(`${v.op}@${col.passes[col.passes.length - 1]}:${v.dead ? 'gcdead' : 'gclive'}`)
          compared++
        }
      }
    })
    expect(bad).toEqual([])
    expect(compared).toBeGreaterThan(500)
  })

  it('survives the wire encoding, flag and origin included', () => {
    const back = decodeTrace(JSON.parse(JSON.stringify(encodeTrace(t))))
    expect(back.idsReusedAcrossPasses).toBe(true)
    expect(back.origin).toEqual(t.origin)
    expect(back.passes.map((p) => [p.name, p.status])).toEqual(t.passes.map((p) => [p.name, p.status]))
    expect(back.asm).toEqual(t.asm)
    const k = t.passes.length - 1
    expect(back.passes[k]!.snapshot.locs).toEqual(t.passes[k]!.snapshot.locs)
  })
})

describe('other arches and functions', () => {
  it('reads a method compiled for ppc64', () => {
    const t = importSsaHtml(read('method-ppc64-go1.26.html')).trace
    expect(t.func).toBe('(*T).M')
    expect(t.arch).toBe('ppc64')
    expect(t.asm!.lines.some((l) => /^MOVD\t/.test(l.text))).toBe(true)
    // The arch can be given when the ops do not tell.
    expect(importSsaHtml(read('method-ppc64-go1.26.html'), { arch: 'ppc64le' }).trace.arch).toBe('ppc64le')
  })
})

describe('files it cannot read', () => {
  const good = read('sum-go1.26.html')

  it('a truncated file: where it ends', () => {
    const cut = good.slice(0, Math.floor(good.length * 0.6))
    const e = errorOf(() => importSsaHtml(cut))
    expect(e.message).toMatch(/^line \d+, column \d+ \(in the ssa\.html column ".+"\): the file ends inside this column: it is truncated or not gc's ssa\.html$/)
    expect(e.line).toBe(cut.split('\n').length)
    // Cut right after the table: still truncated.
    const e2 = errorOf(() => importSsaHtml(good.slice(0, good.lastIndexOf('</body>'))))
    expect(e2.message).toMatch(/truncated/)
  })

  it('a damaged value line: its place and what was expected', () => {
    const bad = good.replace('= Arg &lt;[]int&gt; {xs}', '= Arg &lt;[]int {xs}')
    const e = errorOf(() => importSsaHtml(bad))
    expect(e.column).toBe('before insert phis')
    expect(e.message).toMatch(/^line \d+, column \d+ \(in the ssa\.html column "before insert phis"\): value v\d+: unbalanced type/)
    const at = bad.split('\n')[e.line - 1]!.slice(e.col - 1)
    expect(at.startsWith('<li class="ssa-long-value')).toBe(true)
  })

  it('a column whose heading and titles disagree', () => {
    const bad = good.replace('<h2>late lower', '<h2>later lower')
    expect(errorOf(() => importSsaHtml(bad)).message).toMatch(/in the ssa\.html column "late lower"\): the column's heading names \["late lower"\] but its titles are \["later lower"\]/)
  })

  it('not an ssa.html, or empty', () => {
    expect(errorOf(() => importSsaHtml('')).message).toBe('the file is empty')
    expect(errorOf(() => importSsaHtml('<html><body><p>hello</p></body></html>')).message).toBe('not a gc ssa.html file: no <h1> function name')
    expect(errorOf(() => importSsaHtml('<html><body><h1>F</h1><table><tr></tr></table></body></html>')).message).toBe('not a gc ssa.html file: it has no SSA columns')
    expect(errorOf(() => importSsaHtml('\u0000\u0001 binary junk')).message).toMatch(/^not a gc ssa\.html file/)
  })
})

/** Dump files leave out dead values and blocks; the HTML shows them faded. */
function live(f: DumpFunc): DumpFunc {
  return { ...f, blocks: f.blocks.filter((b) => !b.dead).map((b) => ({ ...b, values: b.values.filter((v) => !v.dead) })) }
}

describe.skipIf(skipDifferential)(`against gc's own dumps of the same passes${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('every column equals the -d=ssa/<pass>/dump text of its last pass (Go 1.26)', async () => {
    const file = join(dir, 'sample.go')
    const html = await generateSsaHtml(file, 'Sum')
    const imported = importSsaHtml(html)
    const dumps = (await gcSsaDumps(file, ['Sum'], 'all')).get('Sum')!
    let compared = 0
    for (const col of imported.dumps) {
      const pass = col.passes[col.passes.length - 1]!
      const want = dumps.get(pass)
      if (!want) continue // `before insert phis` has no dump
      // The dump file's header holds the function type, which ssa.html does not print.
      expect(formatSsaDump({ ...live(col.func), type: want.type }), pass).toBe(formatSsaDump(want))
      compared++
    }
    expect(compared).toBeGreaterThan(20)
  }, 120_000)
})

/** The Go 1.27 toolchain (GOTOOLCHAIN downloads it through the module proxy, or finds it cached), or null. */
async function go127(): Promise<string | null> {
  const { run, goEnv } = await import('../../src-main/gcbridge/toolchain')
  try {
    const r = await run('go', ['env', 'GOROOT'], { env: goEnv({ GOTOOLCHAIN: 'go1.27.0' }), timeoutMs: 120_000 })
    return r.code === 0 ? join(r.stdout.trim(), 'bin', 'go') : null
  } catch {
    return null
  }
}

describe.skipIf(skipDifferential)(`code outside the embedded subset, Go 1.26 and 1.27${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('imports maps, interfaces, a generic instantiation, a method and a closure, each column equal to gc’s dumps', async () => {
    const file = join(dir, 'beyond.go')
    const gos = [{ label: 'go1.26', bin: undefined as string | undefined }]
    const g27 = await go127()
    if (g27) gos.push({ label: 'go1.27', bin: g27 })
    else if (process.env['CI'] === 'true') throw new Error('Go 1.27 is not available (GOTOOLCHAIN=go1.27.0)')
    for (const g of gos) {
      for (const func of ['Report', 'Keys[go.shape.string,go.shape.interface { Area() float64 }]', 'Rect.Area', 'Report.func1']) {
        const html = await generateSsaHtml(file, func, g.bin ? { go: g.bin } : {})
        const imported = importSsaHtml(html)
        expect(imported.trace.func, `${g.label} ${func}`).toBe(func)
        expect(imported.trace.arch).toBe('amd64')
        expect(imported.warnings).toEqual([])
        const dumps = (await gcSsaDumps(file, [func], 'all', g.bin ? { go: g.bin } : {})).get(func)
        expect(dumps, `${g.label}: gc dumped ${func}`).toBeDefined()
        let compared = 0
        for (const col of imported.dumps) {
          const want = dumps!.get(col.passes[col.passes.length - 1]!)
          if (!want) continue
          expect(formatSsaDump({ ...live(col.func), type: want.type }), `${g.label} ${func} ${col.passes.join(' + ')}`).toBe(formatSsaDump(want))
          compared++
        }
        expect(compared, `${g.label} ${func}`).toBeGreaterThan(5)
      }
    }
  }, 300_000)
})
