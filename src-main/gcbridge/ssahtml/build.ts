// The scanned ssa.html (scan.ts) into our FuncTrace.
//
// Columns: gc writes a column when a pass changed the function (html.go's
// WritePhase compares a hash of the printed function); passes that changed
// nothing wait and share the next column, headed `a  +  b  +  c`. So in a
// merged column every pass but the last left the function as the previous
// column shows it, and the last one made what this column shows — unless
// the column is the final flush, where nothing changed (then its content
// equals the previous column's, which is how we tell).
//
// Records are interned by their printed text within a block, so a line gc
// printed identically in two passes is one record (the wire encoding writes
// it once); that says the text did not change, never that it is the same
// value: gc reuses ids, and the trace is marked idsReusedAcrossPasses.

import type { ImportedSource, AsmLine, Assembly, BlockRecord, FuncSnapshot, FuncTrace, NamedValues, PassRecord, SnapshotDiff, ValueRecord } from '../../protocol/model'
import { isKnownOp } from '../../compiler/ssa/opinfo'
import { keepsLive } from '../../compiler/ssa/print'
import { parseDumpBlockEnd, parseDumpValueLine, type DumpBlock, type DumpFunc, type DumpValue } from '../ssadump'
import { htmlText, positionOf, readBlock, SsaHtmlError, type RawColumn, type RawHtml } from './scan'

export type SourceLines = ImportedSource

export interface BuiltTrace {
  trace: FuncTrace
  sources: SourceLines[]
  ast: string[]
  /** Each SSA column as gc printed it, in gc's dump form (for comparisons against gc's own passes). */
  dumps: { passes: string[]; func: DumpFunc }[]
}

const EMPTY_DIFF: SnapshotDiff = Object.freeze({ valuesAdded: [], valuesRemoved: [], valuesChanged: [], blocksAdded: [], blocksRemoved: [], blocksChanged: [] }) as unknown as SnapshotDiff

const VALUE_HEAD = /^(v\d+) \((\?|[+-]?\d+)\) = /
const BLOCK_START = /^(b\d+):(?: ←((?: b\d+)+))?$/
// A slot whose values are all gone prints none: `name r[float64]: `.
const NAME_LINE = /^name (.+):((?: v\d+)*)$/

export function buildTrace(input: string, raw: RawHtml, opts: { arch?: string } = {}): BuiltTrace {
  const warnings: string[] = []
  const fail = (why: string, at: number, column: string): never => {
    const p = positionOf(input, at)
    throw new SsaHtmlError(`line ${p.line}, column ${p.col} (in the ssa.html column ${JSON.stringify(column)}): ${why}`, p.line, p.col, column)
  }
  const heading = raw.title
  const funcName = heading.replace(/,\d+$/, '')
  const ssaCols = raw.columns.filter((c): c is Extract<RawColumn, { kind: 'ssa' }> => c.kind === 'ssa')
  if (ssaCols.length === 0) throw new SsaHtmlError('not a gc ssa.html file: it has no SSA columns', 0, 0)

  // Parse every column into gc's dump form first: the arch is known only once lowered ops are seen.
  // Most lines repeat from column to column: each distinct line is parsed once.
  const cache: ReadCache = { blocks: new Map(), lines: new Map() }
  const dumps = ssaCols.map((c) => {
    if (c.titles.length === 0) fail('a column without a pass name', c.at, c.phase)
    const parts = c.phase.split('  +  ')
    if (parts.length !== c.titles.length || parts.some((p, i) => p !== c.titles[i]!.name)) {
      fail(`the column's heading names ${JSON.stringify(parts)} but its titles are ${JSON.stringify(c.titles.map((t) => t.name))}`, c.at, c.phase)
    }
    return { passes: c.titles.map((t) => t.name), func: dumpOf(input, c, funcName, fail, cache) }
  })

  const arch = opts.arch ?? guessArch(dumps.map((d) => d.func), warnings)
  const valueIntern = new Map<DumpValue, ValueRecord>()
  const blockIntern = new Map<DumpBlock, BlockRecord>()
  const passes: PassRecord[] = []
  let prev: { snap: FuncSnapshot; body: string } | null = null
  let lowered = false
  let scheduled = false
  for (let k = 0; k < ssaCols.length; k++) {
    const col = ssaCols[k]!
    const d = dumps[k]!.func
    const names = col.titles.map((t) => t.name)
    // Before lower the ops are generic; lower (wherever it sits in a merged column) made this column's ops.
    const lowersHere = names.includes('lower')
    const schedulesHere = names.includes('schedule')
    const snap = snapshotOf(d, lowered || lowersHere ? arch : 'generic', scheduled || schedulesHere, valueIntern, blockIntern)
    if (lowersHere) lowered = true
    if (schedulesHere) scheduled = true
    const changed = prev === null || prev.body !== col.body
    col.titles.forEach((t, i) => {
      const last = i === col.titles.length - 1
      const ns = /^\[(\d+) ns\]$/.exec(t.stats)
      const rec: PassRecord = {
        name: t.name,
        status: last && changed ? 'changed' : 'unchanged',
        ms: ns ? Number(ns[1]) / 1e6 : 0,
        // A pass before the last in a merged column left the function as the previous column shows it.
        snapshot: last || prev === null ? snap : prev.snap,
        diff: EMPTY_DIFF,
      }
      if (t.stats === 'crashed') {
        rec.status = 'failed'
        rec.error = `gc crashed in ${t.name} (the column shows the function as the crash left it)`
      }
      passes.push(rec)
    })
    prev = { snap, body: col.body }
  }

  const genssa = raw.columns.find((c) => c.kind === 'genssa')
  const trace: FuncTrace = {
    func: funcName,
    arch,
    passes,
    allocs: [],
    idsReusedAcrossPasses: true,
    effectOps: effectOps(passes.map((p) => p.snapshot)),
    origin: { kind: 'ssa.html', heading, missing: missingFacts(genssa !== undefined), warnings },
  }
  if (genssa?.kind === 'genssa') trace.asm = assemblyOf(genssa, fail)
  else trace.asmError = 'this ssa.html has no genssa column (gc stopped before code generation)'

  const sources: SourceLines[] = []
  const ast: string[] = []
  for (const c of raw.columns) {
    if (c.kind === 'sources') {
      for (const f of c.files) {
        const same = sources.find((s) => s.file === f.file)
        if (same) same.lines.push(...f.lines)
        else sources.push({ file: f.file, lines: [...f.lines] })
      }
    } else if (c.kind === 'ast') ast.push(...c.lines)
    else if (c.kind === 'other') warnings.push(`column ${JSON.stringify(c.phase)} is not one gc's ssa.html writer makes; skipped`)
  }
  return { trace, sources, ast, dumps }
}

function missingFacts(hasGenssa: boolean): string[] {
  const out = ['source columns (gc prints line numbers only)', 'the function type', 'rewrite rules', 'allocation calls', 'escape analysis', 'liveness and the frame layout']
  if (hasGenssa) out.push('byte offsets and frame size (genssa shows Prog numbers)')
  return out
}

type Fail = (why: string, at: number, column: string) => never

/**
 * What was read already. blocks: a block's markup → the block it printed
 * (most blocks print the same in many columns). lines: block id (prefixed
 * `D` for dead values) → value line markup → the value.
 */
interface ReadCache {
  blocks: Map<string, DumpBlock>
  lines: Map<string, Map<string, DumpValue>>
}

function dumpOf(input: string, col: Extract<RawColumn, { kind: 'ssa' }>, name: string, fail: Fail, cache: ReadCache): DumpFunc {
  const blocks: DumpBlock[] = col.blocks.map((rb) => {
    // A block printed exactly as in an earlier column is that column's block.
    const same = cache.blocks.get(rb.html)
    if (same) return same
    const lines = readBlock(input, rb, col.phase)
    const sm = BLOCK_START.exec(lines.start.trim())
    if (!sm || sm[1] !== rb.id) fail(`block ${rb.id}'s header ${JSON.stringify(lines.start)} is not \`${rb.id}: ← preds\``, rb.at, col.phase)
    const b: DumpBlock = { id: rb.id, preds: sm?.[2] ? sm[2].trim().split(' ') : [], values: [], kind: '', controls: [], succs: [] }
    if (rb.dead) b.dead = true
    const live = cache.lines.get(rb.id) ?? new Map<string, DumpValue>()
    const dead = cache.lines.get('D' + rb.id) ?? new Map<string, DumpValue>()
    cache.lines.set(rb.id, live).set('D' + rb.id, dead)
    for (const rv of lines.values) {
      const cached = (rv.dead ? dead : live).get(rv.html)
      if (cached) {
        b.values.push(cached)
        continue
      }
      const text = htmlText(rv.html).trim()
      const m = VALUE_HEAD.exec(text)
      if (!m) fail(`a value line that does not start \`vN (line) = \`: ${JSON.stringify(text.slice(0, 80))}`, rv.at, col.phase)
      let v: DumpValue
      try {
        v = parseDumpValueLine(`(${m![2]}) ${m![1]} = ${text.slice(m![0].length)}`)
      } catch (e) {
        return fail(`value ${m![1]}: ${(e as Error).message}: ${JSON.stringify(text)}`, rv.at, col.phase)
      }
      if (rv.dead) v.dead = true
      ;(rv.dead ? dead : live).set(rv.html, v)
      b.values.push(v)
    }
    const end = lines.end.replace(/ →/g, ' ->').trim()
    if (end === '') fail(`block ${rb.id} has no end line`, rb.at, col.phase)
    try {
      parseDumpBlockEnd(end, b)
    } catch (e) {
      fail(`block ${rb.id}'s end line: ${(e as Error).message}: ${JSON.stringify(end)}`, rb.at, col.phase)
    }
    const pos = /^\((\?|([+-]?)(\d+))\)$/.exec(lines.endPos)
    if (lines.endPos !== '' && !pos) fail(`block ${rb.id}'s position ${JSON.stringify(lines.endPos)} is not \`(L)\``, rb.at, col.phase)
    ;(b as DumpBlock & { line?: number }).line = pos?.[3] ? Number(pos[3]) : 0
    cache.blocks.set(rb.html, b)
    return b
  })
  const names = col.names.map((n) => {
    const m = NAME_LINE.exec(n.text.trim())
    if (!m) return fail(`a name line that is not \`name x[T]: v1 v2\`: ${JSON.stringify(n.text)}`, n.at, col.phase)
    return { name: m[1]!, values: m[2] === '' ? [] : m[2]!.trim().split(' ') }
  })
  return { name, type: '', blocks, names }
}

function snapshotOf(
  d: DumpFunc,
  arch: string,
  scheduled: boolean,
  valueIntern: Map<DumpValue, ValueRecord>,
  blockIntern: Map<DumpBlock, BlockRecord>,
): FuncSnapshot {
  const locs: Record<string, string> = {}
  let anyLoc = false
  const blocks = d.blocks.map((b) => {
    const known = blockIntern.get(b)
    if (known) {
      for (const v of b.values) {
        if (v.reg !== undefined) {
          locs[v.id] = v.reg
          anyLoc = true
        }
      }
      return known
    }
    const values = b.values.map((v) => {
      if (v.reg !== undefined) {
        locs[v.id] = v.reg
        anyLoc = true
      }
      // The cache gives one DumpValue per distinct line of a block: one record for it.
      let r = valueIntern.get(v)
      if (!r) {
        r = { id: v.id, op: v.op, type: v.type, args: v.args, block: b.id, line: v.line ?? 0, col: 0, stmt: v.line === null ? '' : v.stmt }
        if (v.auxInt !== undefined) r.auxInt = v.auxInt
        if (v.aux !== undefined) r.aux = v.aux
        valueIntern.set(v, r)
      }
      return r
    })
    const line = (b as DumpBlock & { line?: number }).line ?? 0
    const rec: BlockRecord = { id: b.id, kind: b.kind, controls: b.controls, succs: b.succs, preds: b.preds, values, line }
    if (b.likely) rec.likely = b.likely
    if (b.aux !== undefined) rec.aux = b.aux
    // Our block record has no auxint (no block kind we model uses one); keep gc's text beside the aux.
    if (b.auxInt !== undefined) rec.aux = `${b.aux ?? ''}${b.aux !== undefined ? ' ' : ''}[${b.auxInt}]`
    blockIntern.set(b, rec)
    return rec
  })
  const names: NamedValues[] = d.names.map((n) => ({ name: n.name, values: n.values }))
  const snap: FuncSnapshot = { name: d.name, type: d.type, arch, blocks, names }
  if (scheduled) snap.scheduled = true
  if (anyLoc) snap.locs = locs
  return snap
}

/**
 * The ops whose values gc's findlive keeps live by themselves, so the views
 * mark DEAD values as gc's own columns do (tests check them against gc's
 * marks). Ops of an arch we do not model are left out: their values then
 * show live only when used. gc keeps an InlMark live while code of its
 * inlined call is live, which the file cannot tell (it prints no inline
 * indexes): InlMarks show live.
 */
function effectOps(snapshots: FuncSnapshot[]): string[] {
  const out = new Set<string>(['InlMark'])
  const seen = new Set<string>()
  for (const s of snapshots) {
    for (const b of s.blocks) {
      for (const v of b.values) {
        if (seen.has(v.op)) continue
        seen.add(v.op)
        try {
          if (keepsLive(v.op, s.arch)) out.add(v.op)
        } catch {
          // an op of an arch we do not model
        }
      }
    }
  }
  return [...out].sort()
}

/** The arch whose op table has the lowered ops (amd64 and ppc64 are the ones we model). */
function guessArch(funcs: DumpFunc[], warnings: string[]): string {
  const ops = new Set<string>()
  for (const f of funcs) for (const b of f.blocks) for (const v of b.values) if (!isKnownOp(v.op)) ops.add(v.op)
  if (ops.size === 0) return 'generic'
  for (const arch of ['amd64', 'ppc64']) if ([...ops].every((op) => isKnownOp(op, arch))) return arch
  const sample = [...ops].slice(0, 3).join(', ')
  warnings.push(`lowered ops (${sample}, …) are not amd64's or ppc64's: the arch is unknown; ops show as gc printed them`)
  return 'unknown'
}

const ASM_LINE = /^(\d+) \((\?|[+-]?\d+)\) ([\s\S]*)$/

function assemblyOf(col: Extract<RawColumn, { kind: 'genssa' }>, fail: Fail): Assembly {
  const lines: AsmLine[] = []
  const comments: { before: number; text: string }[] = []
  let symbol = ''
  let attrs: string[] = []
  for (const l of col.lines) {
    const text = l.text.trim()
    if (text.startsWith('# ')) {
      comments.push({ before: lines.length, text: text.slice(2) })
      continue
    }
    const m = ASM_LINE.exec(text)
    if (!m) fail(`a genssa line that is not \`NNNNN (line) instruction\`: ${JSON.stringify(text.slice(0, 80))}`, l.at, col.phase)
    const line: AsmLine = { pc: Number(m![1]), line: m![2] === '?' ? 0 : Math.abs(Number(m![2])), text: m![3]! }
    if (/^v\d+$/.test(l.src)) line.value = l.src
    else if (/^b\d+$/.test(l.src)) line.block = l.src
    const t = /^TEXT\t(.+?)\(SB\)(?:, (.*))?$/.exec(line.text)
    if (t && symbol === '') {
      symbol = t[1]!
      attrs = t[2] ? t[2].split(/\s*[,|]\s*/).filter((a) => a !== '' && !/^\$/.test(a)) : []
    }
    lines.push(line)
  }
  const asm: Assembly = { lines, symbol, size: 0, frame: 0, locals: 0, args: 0, attrs, progNumbers: true }
  if (comments.length > 0) asm.comments = comments
  return asm
}
