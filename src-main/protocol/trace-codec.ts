// The compact wire encoding of a FuncTrace (DESIGN §3). In memory, snapshots
// share every value and block record that a pass left unchanged; JSON of the
// expanded objects copies each shared record once per pass (65 MB for a
// 10,000-value function). Here every distinct record is written once, each
// snapshot is references to records, and decoding rebuilds the same sharing:
// one object per encoded record, referenced by every block and snapshot that
// had it, so identity-based diffing keeps working on the decoded trace.
//
// The encoding is plain JSON data: a string table, column arrays of integers
// and a few small objects. Conventions used throughout:
//
// - Strings (ops, types, aux texts, block kinds, rule names, locations, asm
//   text, …) are indices into `strings`. An optional string is 0 when absent
//   and index+1 otherwise.
// - A value id `vN` (canonical: no leading zeros, at most 9 digits) is the
//   integer N, a block id `bN` likewise; any other id is −(index+1) of its
//   text in `strings`. So an id is always one integer (a "ref").
// - Columns marked delta-coded hold the difference to the previous entry
//   (the first entry: to 0).
// - An optional ref is 0 when absent, else zigzag(ref)+1.
// - A record that revises an earlier record with the same id (the same
//   value or block after a pass changed it) writes only the fields that
//   differ from that earlier record ("its base"): a mask column says which.
// - Lists of records (a block's values, a snapshot's blocks) are edit
//   scripts against a base list (the block's previous record's values; the
//   previous snapshot's blocks): tokens len·4+kind, kind COPY (the next len
//   base entries), SKIP (len base entries), FRESH (the next len records not
//   referenced before, in encoding order) or LIT (len record indices follow).
// - Texts in rule applications (`after`, `createdAs`) are token lists: the
//   number of tokens, then each: a canonical `vN` word as its ref (≥ 0), a
//   run of other words as −(string index+1); tokens join with spaces.
//
// Decoding validates as it goes and throws ApiError('bad-argument') on
// anything malformed. This module is pure (no node: imports): the renderer
// decodes with it.

import { ApiError } from './errors'
import type {
  AllocGroup,
  AsmLine,
  Assembly,
  BlockRecord,
  FuncSnapshot,
  FuncTrace,
  NamedValues,
  PassRecord,
  PassStatus,
  RuleApplication,
  SnapshotDiff,
  StackFrameResult,
  ValueRecord,
} from './model'

export const TRACE_FORMAT = 'ssascope-trace/1'

/**
 * Distinct value records in encoding order. `id` has one entry per record;
 * `mask` one per revision (a record whose id came before), saying which of
 * the other columns carry an entry for it; a new id carries them all.
 */
export interface EncodedValues {
  /** Value ref, delta-coded. */
  id: number[]
  /** Bits: op 1, type 2, auxInt 4, aux 8, block 16, line 32, col 64, args 128, origin 256. */
  mask: number[]
  op: number[]
  type: number[]
  /** Optional strings. */
  auxInt: number[]
  aux: number[]
  /** Block ref, delta-coded. */
  block: number[]
  /** Delta-coded. */
  line: number[]
  /** zigzag(col)·3 + stmt ('' 0, '+' 1, '-' 2). */
  col: number[]
  /** Number of args, and the args flattened, each as (own ref − arg ref). */
  argc: number[]
  args: number[]
  /** 0: none, else zigzag(own ref − origin ref)+1. */
  origin: number[]
}

/** Distinct block records in encoding order, with revisions as for values. */
export interface EncodedBlocks {
  /** Block ref, delta-coded. */
  id: number[]
  /** Bits: kind 1, line 2, likely 4, aux 8, controls 16, succs 32, preds 64, number of values 128. */
  mask: number[]
  kind: number[]
  line: number[]
  /** 0 none, 1 likely, 2 unlikely. */
  likely: number[]
  /** Optional string. */
  aux: number[]
  /** Counts, and the lists flattened: controls as value refs, succs and preds as (own ref − block ref). */
  nctl: number[]
  ctl: number[]
  nsucc: number[]
  succs: number[]
  npred: number[]
  preds: number[]
  /** Number of values. */
  nval: number[]
  /** Each block's values: an edit script of value record indices against its base's values. */
  vals: number[]
}

export interface EncodedSnapshot {
  name: number
  type: number
  /** Optional string. */
  arch: number
  /** Index into `blockLists`. */
  blocks: number
  /** Index into `names`. */
  names: number
  scheduled?: 1
  /** Index into `locs`. */
  locs?: number
}

/** A location table: value refs (delta-coded) and their locations (string indices), in the table's key order. */
export interface EncodedLocs {
  k: number[]
  v: number[]
}

/** Rule applications of one pass, in columns. */
export interface EncodedRules {
  rule: number[]
  /** Value ref, delta-coded. */
  value: number[]
  /** Number created, and the created refs flattened, each as (created ref − its rule's value ref). */
  n: number[]
  created: number[]
  /** Other string fields (`after`): the field name, per rule 0 (absent) or tokens+1, and the texts' tokens flattened. */
  xs?: [key: string, counts: number[], tokens: number[]][]
  /** Other string-list fields (`createdAs`): the field name, per rule 0 (absent) or length+1, and each text (token count, tokens) flattened. */
  xa?: [key: string, counts: number[], texts: number[]][]
  /** Fields with other values: rule index, field name, value. */
  xr?: [index: number, key: string, value: unknown][]
}

export interface EncodedPass {
  name: number
  status: number
  error?: string
  ms: number
  /** Index into `snapshots`. */
  snapshot: number
  /** valuesAdded, valuesRemoved, valuesChanged, blocksAdded, blocksRemoved, blocksChanged: refs, each list delta-coded. */
  diff: number[][]
  rules?: EncodedRules
  /** Fields of the record this format does not know, as they are. */
  x?: Record<string, unknown>
}

export interface EncodedAsm {
  /** Delta-coded. */
  pc: number[]
  line: number[]
  text: number[]
  /** Optional refs. */
  value: number[]
  block: number[]
  /** The other fields of the Assembly, as they are. */
  rest: Omit<Assembly, 'lines'>
}

export interface EncodedTrace {
  format: typeof TRACE_FORMAT
  func: string
  arch: string
  strings: string[]
  values: EncodedValues
  blocks: EncodedBlocks
  /** Distinct block lists of snapshots, each an edit script of block record indices against the previous list. */
  blockLists: number[][]
  /** Distinct name tables: per entry [name string, value refs delta-coded…]. */
  names: number[][][]
  /** Distinct location tables. */
  locs: EncodedLocs[]
  /** Distinct snapshots. */
  snapshots: EncodedSnapshot[]
  passes: EncodedPass[]
  allocs: AllocGroup[]
  stackFrame?: StackFrameResult
  asm?: EncodedAsm
  asmError?: string
  /** Fields of the trace this format does not know (`effectOps`, …), as they are. */
  x?: Record<string, unknown>
}

// ---------------------------------------------------------------- shared definitions

const V = 118 // 'v'
const B = 98 // 'b'

/** N for a canonical `vN`/`bN` (prefix given as a char code), else −1. */
function canonical(s: string, prefix: number): number {
  const n = s.length
  if (n < 2 || n > 10 || s.charCodeAt(0) !== prefix) return -1
  let x = 0
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9 || (c === 0 && i === 1 && n > 2)) return -1
    x = x * 10 + c
  }
  return x
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1)
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2)

const STMT = ['', '+', '-'] as const
const LIKELY = [undefined, 'likely', 'unlikely'] as const
const DIFF_KEYS = ['valuesAdded', 'valuesRemoved', 'valuesChanged', 'blocksAdded', 'blocksRemoved', 'blocksChanged'] as const
const PASS_KEYS = new Set(['name', 'status', 'error', 'ms', 'snapshot', 'diff', 'rules'])
const TRACE_KEYS = new Set(['func', 'arch', 'passes', 'allocs', 'stackFrame', 'asm', 'asmError'])
const RULE_KEYS = new Set(['rule', 'value', 'created'])
const ASM_KEYS = new Set(['lines'])

// Value record fields (mask bits).
const F_OP = 1
const F_TYPE = 2
const F_AUXINT = 4
const F_AUX = 8
const F_BLOCK = 16
const F_LINE = 32
const F_COL = 64
const F_ARGS = 128
const F_ORIGIN = 256
const VALUE_ALL = 511

// Block record fields (mask bits).
const G_KIND = 1
const G_LINE = 2
const G_LIKELY = 4
const G_AUX = 8
const G_CTL = 16
const G_SUCCS = 32
const G_PREDS = 64
const G_NVAL = 128
const BLOCK_ALL = 255

// Edit script token kinds.
const COPY = 0
const SKIP = 1
const FRESH = 2
const LIT = 3

const sameStrings = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// ---------------------------------------------------------------- encoder

/** The trace in the compact wire form: plain JSON data, every distinct record once. */
export function encodeTrace(trace: FuncTrace): EncodedTrace {
  return new Encoder().trace(trace)
}

class Encoder {
  private strings: string[] = []
  private stringIndex = new Map<string, number>()

  private valueIndex = new Map<ValueRecord, number>()
  private valueById = new Map<string, ValueRecord>()
  private values: EncodedValues = { id: [], mask: [], op: [], type: [], auxInt: [], aux: [], block: [], line: [], col: [], argc: [], args: [], origin: [] }
  private lastValue = { id: 0, block: 0, line: 0 }

  private blockIndex = new Map<BlockRecord, number>()
  private blockById = new Map<string, { rec: BlockRecord; vals: number[] }>()
  private blocks: EncodedBlocks = {
    id: [],
    mask: [],
    kind: [],
    line: [],
    likely: [],
    aux: [],
    nctl: [],
    ctl: [],
    nsucc: [],
    succs: [],
    npred: [],
    preds: [],
    nval: [],
    vals: [],
  }
  private lastBlockId = 0

  private blockListIndex = new Map<readonly BlockRecord[], number>()
  private blockLists: number[][] = []
  private lastBlockList: number[] | undefined
  private namesIndex = new Map<readonly NamedValues[], number>()
  private names: number[][][] = []
  private locsIndex = new Map<Readonly<Record<string, string>>, number>()
  private locsByContent = new Map<string, number>()
  private locs: EncodedLocs[] = []
  private snapshotIndex = new Map<FuncSnapshot, number>()
  private snapshots: EncodedSnapshot[] = []

  trace(t: FuncTrace): EncodedTrace {
    const passes = t.passes.map((p) => this.pass(p))
    const e: EncodedTrace = {
      format: TRACE_FORMAT,
      func: t.func,
      arch: t.arch,
      strings: this.strings,
      values: this.values,
      blocks: this.blocks,
      blockLists: this.blockLists,
      names: this.names,
      locs: this.locs,
      snapshots: this.snapshots,
      passes,
      allocs: t.allocs,
    }
    if (t.stackFrame !== undefined) e.stackFrame = t.stackFrame
    if (t.asm !== undefined) e.asm = this.asm(t.asm)
    if (t.asmError !== undefined) e.asmError = t.asmError
    const x = extraFields(t, TRACE_KEYS)
    if (x) e.x = x
    return e
  }

  private str(s: string): number {
    let i = this.stringIndex.get(s)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(s)
      this.stringIndex.set(s, i)
    }
    return i
  }

  private optStr(s: string | undefined): number {
    return s === undefined ? 0 : this.str(s) + 1
  }

  private vref(id: string): number {
    const n = canonical(id, V)
    return n >= 0 ? n : -this.str(id) - 1
  }

  private bref(id: string): number {
    const n = canonical(id, B)
    return n >= 0 ? n : -this.str(id) - 1
  }

  /**
   * Appends a text's tokens, after their count unless counted is false, and
   * returns the count. Each canonical `vN` word is a token (its ref); each
   * run of other words between them is one token (−(string index+1)), so
   * `Op <T> [aux]` prefixes repeat as one string.
   */
  private text(s: string, out: number[], counted = true): number {
    const words = s.split(' ')
    const at = out.length
    if (counted) out.push(0)
    let count = 0
    let run: string | undefined
    for (const w of words) {
      const n = canonical(w, V)
      if (n < 0) {
        run = run === undefined ? w : `${run} ${w}`
        continue
      }
      if (run !== undefined) {
        out.push(-this.str(run) - 1)
        count++
        run = undefined
      }
      out.push(n)
      count++
    }
    if (run !== undefined) {
      out.push(-this.str(run) - 1)
      count++
    }
    if (counted) out[at] = count
    return count
  }

  private value(r: ValueRecord): number {
    let i = this.valueIndex.get(r)
    if (i !== undefined) return i
    i = this.valueIndex.size
    this.valueIndex.set(r, i)
    const c = this.values
    const last = this.lastValue
    const id = this.vref(r.id)
    c.id.push(id - last.id)
    last.id = id
    const base = this.valueById.get(r.id)
    this.valueById.set(r.id, r)
    let mask = VALUE_ALL
    if (base !== undefined) {
      mask = 0
      if (r.op !== base.op) mask |= F_OP
      if (r.type !== base.type) mask |= F_TYPE
      if (r.auxInt !== base.auxInt) mask |= F_AUXINT
      if (r.aux !== base.aux) mask |= F_AUX
      if (r.block !== base.block) mask |= F_BLOCK
      if (r.line !== base.line) mask |= F_LINE
      if (r.col !== base.col || r.stmt !== base.stmt) mask |= F_COL
      if (!sameStrings(r.args, base.args)) mask |= F_ARGS
      if (r.origin !== base.origin) mask |= F_ORIGIN
      c.mask.push(mask)
    }
    if (mask & F_OP) c.op.push(this.str(r.op))
    if (mask & F_TYPE) c.type.push(this.str(r.type))
    if (mask & F_AUXINT) c.auxInt.push(this.optStr(r.auxInt))
    if (mask & F_AUX) c.aux.push(this.optStr(r.aux))
    if (mask & F_BLOCK) {
      const block = this.bref(r.block)
      c.block.push(block - last.block)
      last.block = block
    }
    if (mask & F_LINE) {
      c.line.push(r.line - last.line)
      last.line = r.line
    }
    if (mask & F_COL) c.col.push(zigzag(r.col) * 3 + (r.stmt === '+' ? 1 : r.stmt === '-' ? 2 : 0))
    if (mask & F_ARGS) {
      c.argc.push(r.args.length)
      for (const a of r.args) c.args.push(id - this.vref(a))
    }
    if (mask & F_ORIGIN) c.origin.push(r.origin === undefined ? 0 : zigzag(id - this.vref(r.origin)) + 1)
    return i
  }

  private block(r: BlockRecord): number {
    let i = this.blockIndex.get(r)
    if (i !== undefined) return i
    // Values first: the ones not seen before get the next indices, in order (FRESH in the edit script).
    const prev = this.blockById.get(r.id)
    const base = prev?.rec
    const fresh = this.valueIndex.size
    const vals: number[] = new Array(r.values.length)
    for (let j = 0; j < vals.length; j++) {
      const v = r.values[j]!
      // Mostly the same record as in the block's previous record, at the same place.
      vals[j] = base !== undefined && base.values[j] === v ? prev!.vals[j]! : this.value(v)
    }
    i = this.blockIndex.size
    this.blockIndex.set(r, i)
    const c = this.blocks
    const id = this.bref(r.id)
    c.id.push(id - this.lastBlockId)
    this.lastBlockId = id
    this.blockById.set(r.id, { rec: r, vals })
    let mask = BLOCK_ALL
    if (base !== undefined) {
      mask = 0
      if (r.kind !== base.kind) mask |= G_KIND
      if (r.line !== base.line) mask |= G_LINE
      if (r.likely !== base.likely) mask |= G_LIKELY
      if (r.aux !== base.aux) mask |= G_AUX
      if (!sameStrings(r.controls, base.controls)) mask |= G_CTL
      if (!sameStrings(r.succs, base.succs)) mask |= G_SUCCS
      if (!sameStrings(r.preds, base.preds)) mask |= G_PREDS
      if (r.values.length !== base.values.length) mask |= G_NVAL
      c.mask.push(mask)
    }
    if (mask & G_KIND) c.kind.push(this.str(r.kind))
    if (mask & G_LINE) c.line.push(r.line)
    if (mask & G_LIKELY) c.likely.push(r.likely === 'likely' ? 1 : r.likely === 'unlikely' ? 2 : 0)
    if (mask & G_AUX) c.aux.push(this.optStr(r.aux))
    if (mask & G_CTL) {
      c.nctl.push(r.controls.length)
      for (const v of r.controls) c.ctl.push(this.vref(v))
    }
    if (mask & G_SUCCS) {
      c.nsucc.push(r.succs.length)
      for (const b of r.succs) c.succs.push(id - this.bref(b))
    }
    if (mask & G_PREDS) {
      c.npred.push(r.preds.length)
      for (const b of r.preds) c.preds.push(id - this.bref(b))
    }
    if (mask & G_NVAL) c.nval.push(vals.length)
    const after = editScript(vals, prev?.vals, fresh, c.vals)
    if (after !== this.valueIndex.size) throw new Error('trace-codec: value records out of order')
    return i
  }

  private blockList(list: readonly BlockRecord[]): number {
    let i = this.blockListIndex.get(list)
    if (i !== undefined) return i
    const fresh = this.blockIndex.size
    const items = list.map((b) => this.block(b))
    const out: number[] = []
    const after = editScript(items, this.lastBlockList, fresh, out)
    if (after !== this.blockIndex.size) throw new Error('trace-codec: block records out of order')
    this.lastBlockList = items
    i = this.blockLists.length
    this.blockLists.push(out)
    this.blockListIndex.set(list, i)
    return i
  }

  private nameList(list: readonly NamedValues[]): number {
    let i = this.namesIndex.get(list)
    if (i !== undefined) return i
    const out = list.map((n) => {
      const e = [this.str(n.name)]
      this.deltaRefs(n.values, V, e)
      return e
    })
    i = this.names.length
    this.names.push(out)
    this.namesIndex.set(list, i)
    return i
  }

  private locTable(locs: Readonly<Record<string, string>>): number {
    let i = this.locsIndex.get(locs)
    if (i !== undefined) return i
    const k: number[] = []
    const v: number[] = []
    let prev = 0
    for (const key in locs) {
      const n = this.vref(key)
      k.push(n - prev)
      prev = n
      v.push(this.str(locs[key]!))
    }
    // Identical contents (in the same order) are stored once too.
    const content = `${k.join(',')};${v.join(',')}`
    i = this.locsByContent.get(content)
    if (i === undefined) {
      i = this.locs.length
      this.locs.push({ k, v })
      this.locsByContent.set(content, i)
    }
    this.locsIndex.set(locs, i)
    return i
  }

  private snapshot(s: FuncSnapshot): number {
    let i = this.snapshotIndex.get(s)
    if (i !== undefined) return i
    const e: EncodedSnapshot = {
      name: this.str(s.name),
      type: this.str(s.type),
      arch: this.optStr(s.arch),
      blocks: this.blockList(s.blocks),
      names: this.nameList(s.names),
    }
    if (s.scheduled) e.scheduled = 1
    if (s.locs !== undefined) e.locs = this.locTable(s.locs)
    i = this.snapshots.length
    this.snapshots.push(e)
    this.snapshotIndex.set(s, i)
    return i
  }

  private deltaRefs(ids: readonly string[], prefix: number, out: number[] = []): number[] {
    let prev = 0
    for (const s of ids) {
      const c = canonical(s, prefix)
      const n = c >= 0 ? c : -this.str(s) - 1
      out.push(n - prev)
      prev = n
    }
    return out
  }

  private pass(p: PassRecord): EncodedPass {
    const e: EncodedPass = {
      name: this.str(p.name),
      status: this.str(p.status),
      ms: p.ms,
      snapshot: this.snapshot(p.snapshot),
      diff: DIFF_KEYS.map((k, j) => this.deltaRefs(p.diff[k], j < 3 ? V : B)),
    }
    if (p.error !== undefined) e.error = p.error
    if (p.rules !== undefined) e.rules = this.rules(p.rules)
    const x = extraFields(p, PASS_KEYS)
    if (x) e.x = x
    return e
  }

  private rules(rules: readonly RuleApplication[]): EncodedRules {
    const e: EncodedRules = { rule: [], value: [], n: [], created: [] }
    let prev = 0
    const xs = new Map<string, { counts: number[]; tokens: number[] }>()
    const xa = new Map<string, { counts: number[]; texts: number[] }>()
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!
      e.rule.push(this.str(r.rule))
      const v = this.vref(r.value)
      e.value.push(v - prev)
      prev = v
      e.n.push(r.created.length)
      for (const c of r.created) e.created.push(this.vref(c) - v)
      for (const key in r) {
        if (RULE_KEYS.has(key)) continue
        const x = (r as unknown as Record<string, unknown>)[key]
        if (x === undefined) continue
        if (typeof x === 'string') {
          let col = xs.get(key)
          if (!col) xs.set(key, (col = { counts: new Array<number>(rules.length).fill(0), tokens: [] }))
          col.counts[i] = this.text(x, col.tokens, false) + 1
        } else if (Array.isArray(x) && x.every((y) => typeof y === 'string')) {
          let col = xa.get(key)
          if (!col) xa.set(key, (col = { counts: new Array<number>(rules.length).fill(0), texts: [] }))
          col.counts[i] = x.length + 1
          for (const y of x as string[]) this.text(y, col.texts)
        } else (e.xr ??= []).push([i, key, x])
      }
    }
    if (xs.size) e.xs = [...xs].map(([key, c]) => [key, c.counts, c.tokens])
    if (xa.size) e.xa = [...xa].map(([key, c]) => [key, c.counts, c.texts])
    return e
  }

  private asm(a: Assembly): EncodedAsm {
    const { lines, ...rest } = a
    const e: EncodedAsm = { pc: [], line: [], text: [], value: [], block: [], rest }
    let pc = 0
    for (const l of lines) {
      e.pc.push(l.pc - pc)
      pc = l.pc
      e.line.push(l.line)
      e.text.push(this.str(l.text))
      e.value.push(l.value === undefined ? 0 : zigzag(this.vref(l.value)) + 1)
      e.block.push(l.block === undefined ? 0 : zigzag(this.bref(l.block)) + 1)
    }
    return e
  }
}

/**
 * Appends the edit script that turns base into items (record indices), given
 * that the records first referenced here are numbered from `fresh` on, in the
 * order they appear. Returns the next fresh number.
 */
function editScript(items: readonly number[], base: readonly number[] | undefined, fresh: number, out: number[]): number {
  const n = items.length
  const m = base ? base.length : 0
  let pos: Map<number, number> | undefined
  let c = 0
  let j = 0
  while (j < n) {
    const it = items[j]!
    if (c < m && base![c] === it) {
      let k = 0
      while (j < n && c < m && base![c] === items[j]) k++, j++, c++
      out.push(k * 4 + COPY)
    } else if (it === fresh) {
      let k = 0
      while (j < n && items[j] === fresh) k++, j++, fresh++
      out.push(k * 4 + FRESH)
    } else {
      if (base && !pos) {
        pos = new Map()
        for (let p = m - 1; p >= 0; p--) pos.set(base[p]!, p)
      }
      const p = pos?.get(it)
      if (p !== undefined && p > c) {
        out.push((p - c) * 4 + SKIP)
        c = p
      } else {
        out.push(1 * 4 + LIT, it)
        j++
      }
    }
  }
  return fresh
}

/** The fields of o outside known (undefined ones dropped), or undefined when there are none. */
function extraFields(o: object, known: Set<string>): Record<string, unknown> | undefined {
  let x: Record<string, unknown> | undefined
  for (const [k, v] of Object.entries(o)) if (!known.has(k) && v !== undefined) (x ??= {})[k] = v
  return x
}

// ---------------------------------------------------------------- decoder

/**
 * The trace an encodeTrace produced, with the same sharing: each encoded
 * record becomes one (frozen) object, referenced by every block and snapshot
 * that referenced it. Throws ApiError('bad-argument') on malformed input.
 */
export function decodeTrace(e: EncodedTrace): FuncTrace {
  try {
    return new Decoder(e).trace()
  } catch (err) {
    if (err instanceof ApiError) throw err
    // A malformation the checks did not name: still the caller's input.
    throw bad(`malformed (${err instanceof Error ? err.message : String(err)})`)
  }
}

function bad(what: string): ApiError {
  return new ApiError('bad-argument', `encoded trace: ${what}`)
}

function obj(x: unknown, where: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw bad(`${where} must be an object`)
  return x as Record<string, unknown>
}

function arr(x: unknown, where: string, length?: number): unknown[] {
  if (!Array.isArray(x)) throw bad(`${where} must be an array`)
  if (length !== undefined && x.length !== length) throw bad(`${where} must have ${length} entries`)
  return x
}

/** An array of integers (of the given length). */
function ints(x: unknown, where: string, length?: number): number[] {
  const a = arr(x, where, length)
  for (let i = 0; i < a.length; i++) if (!Number.isSafeInteger(a[i])) throw bad(`${where}[${i}] must be an integer`)
  return a as number[]
}

function str(x: unknown, where: string): string {
  if (typeof x !== 'string') throw bad(`${where} must be a string`)
  return x
}

function index(i: unknown, n: number, where: string): number {
  if (typeof i !== 'number' || !(i >= 0 && i < n) || i % 1 !== 0) throw bad(`${where}: index ${String(i)} out of range`)
  return i
}

/** A field the format does not know may be restored, unless it would shadow a known one or the prototype. */
const isExtraKey = (k: string, known: Set<string>): boolean => !known.has(k) && k !== '__proto__'

function assignExtra(target: object, x: Record<string, unknown>, known: Set<string>): void {
  for (const k of Object.keys(x)) if (isExtraKey(k, known)) (target as Record<string, unknown>)[k] = x[k]
}

/** Reads a column front to back; reading past its end is malformed input. */
class Column {
  private at = 0
  constructor(
    private readonly a: number[],
    private readonly where: string,
  ) {}

  static of(x: unknown, where: string): Column {
    return new Column(ints(x, where), where)
  }

  next(): number {
    if (this.at >= this.a.length) throw bad(`${this.where}: too few entries`)
    return this.a[this.at++]!
  }

  /** A count for a list that follows in `list`. */
  count(list: Column): number {
    const k = this.next()
    if (k < 0 || k > list.left) throw bad(`${list.where}: too few entries`)
    return k
  }

  get left(): number {
    return this.a.length - this.at
  }

  end(): void {
    if (this.at !== this.a.length) throw bad(`${this.where}: too many entries`)
  }
}

/**
 * Applies one edit script from tokens (see editScript): appends to out until
 * it has `count` entries (or until the tokens end, when count is undefined).
 * fresh.n is the next record not referenced before.
 */
function applyEdits<T>(tokens: Column, count: number | undefined, base: readonly T[] | undefined, pool: readonly T[], fresh: { n: number }, out: T[], where: string): void {
  const m = base ? base.length : 0
  let c = 0
  while (count === undefined ? tokens.left > 0 : out.length < count) {
    const t = tokens.next()
    const k = Math.floor(t / 4)
    const kind = t - k * 4
    if (k <= 0 || (count !== undefined && kind !== SKIP && out.length + k > count)) throw bad(`${where}: bad edit token ${t}`)
    if (kind === COPY) {
      if (c + k > m) throw bad(`${where}: copies past its base`)
      for (let i = 0; i < k; i++) out.push(base![c++]!)
    } else if (kind === SKIP) {
      if (c + k > m) throw bad(`${where}: skips past its base`)
      c += k
    } else if (kind === FRESH) {
      if (fresh.n + k > pool.length) throw bad(`${where}: refers to more records than there are`)
      for (let i = 0; i < k; i++) out.push(pool[fresh.n++]!)
    } else {
      for (let i = 0; i < k; i++) out.push(pool[index(tokens.next(), pool.length, where)]!)
    }
  }
}

class Decoder {
  private readonly e: Record<string, unknown>
  private readonly strings: string[]
  private readonly vnames: string[] = []
  private readonly bnames: string[] = []
  private values: ValueRecord[] = []
  private blocks: BlockRecord[] = []
  private blockLists: BlockRecord[][] = []
  private names: NamedValues[][] = []
  private locs: Readonly<Record<string, string>>[] = []
  private snapshots: FuncSnapshot[] = []

  constructor(e: unknown) {
    this.e = obj(e, 'trace')
    if (this.e['format'] !== TRACE_FORMAT) throw bad(`format must be '${TRACE_FORMAT}', not ${JSON.stringify(this.e['format']) ?? 'missing'}`)
    const strings = arr(this.e['strings'], 'strings')
    for (let i = 0; i < strings.length; i++) if (typeof strings[i] !== 'string') throw bad(`strings[${i}] must be a string`)
    this.strings = strings as string[]
  }

  private str(i: number, where: string): string {
    const s = this.strings[i]
    if (typeof s !== 'string') throw bad(`${where}: string ${i} out of range`)
    return s
  }

  private optStr(i: number, where: string): string | undefined {
    return i === 0 ? undefined : this.str(i - 1, where)
  }

  private vref(n: number, where: string): string {
    if (n >= 0) {
      let s = this.vnames[n]
      if (s === undefined) {
        if (n > 999_999_999 || n % 1 !== 0) throw bad(`${where}: bad value id ${n}`)
        s = this.vnames[n] = `v${n}`
      }
      return s
    }
    return this.str(-n - 1, where)
  }

  private bref(n: number, where: string): string {
    if (n >= 0) {
      let s = this.bnames[n]
      if (s === undefined) {
        if (n > 999_999_999 || n % 1 !== 0) throw bad(`${where}: bad block id ${n}`)
        s = this.bnames[n] = `b${n}`
      }
      return s
    }
    return this.str(-n - 1, where)
  }

  private optRef(z: number, where: string, prefix: 'v' | 'b'): string | undefined {
    if (z === 0) return undefined
    const n = unzigzag(z - 1)
    return prefix === 'v' ? this.vref(n, where) : this.bref(n, where)
  }

  private deltaRefs(a: readonly number[], where: string, prefix: 'v' | 'b', from = 0): string[] {
    const out: string[] = new Array(a.length - from)
    let n = 0
    for (let j = from; j < a.length; j++) {
      n += a[j]!
      out[j - from] = prefix === 'v' ? this.vref(n, where) : this.bref(n, where)
    }
    return out
  }

  /** One text from its tokens (see Encoder.text); ntok given, or read first. */
  private text(tokens: Column, where: string, ntok = tokens.next()): string {
    if (ntok < 1 || ntok > tokens.left) throw bad(`${where}: too few tokens`)
    let s = ''
    for (let i = 0; i < ntok; i++) {
      const t = tokens.next()
      const part = t >= 0 ? this.vref(t, where) : this.str(-t - 1, where)
      s = i === 0 ? part : `${s} ${part}`
    }
    return s
  }

  trace(): FuncTrace {
    const e = this.e
    this.decodeValues(obj(e['values'], 'values'))
    this.decodeBlocks(obj(e['blocks'], 'blocks'))
    const fresh = { n: 0 }
    let prev: BlockRecord[] | undefined
    this.blockLists = arr(e['blockLists'], 'blockLists').map((l, i) => {
      const out: BlockRecord[] = []
      applyEdits(Column.of(l, `blockLists[${i}]`), undefined, prev, this.blocks, fresh, out, `blockLists[${i}]`)
      return (prev = out)
    })
    this.names = arr(e['names'], 'names').map((list, i) =>
      arr(list, `names[${i}]`).map((entry, j) => {
        const where = `names[${i}][${j}]`
        const a = ints(entry, where)
        if (a.length === 0) throw bad(`${where} must not be empty`)
        return { name: this.str(a[0]!, where), values: this.deltaRefs(a, where, 'v', 1) }
      }),
    )
    this.locs = arr(e['locs'], 'locs').map((l, i) => {
      const where = `locs[${i}]`
      const o = obj(l, where)
      const k = ints(o['k'], `${where}.k`)
      const v = ints(o['v'], `${where}.v`, k.length)
      const table: Record<string, string> = {}
      let n = 0
      for (let j = 0; j < k.length; j++) {
        const key = this.vref((n += k[j]!), where)
        if (key === '__proto__') throw bad(`${where}: bad key`)
        table[key] = this.str(v[j]!, where)
      }
      return Object.freeze(table)
    })
    this.snapshots = arr(e['snapshots'], 'snapshots').map((s, i) => this.snapshot(obj(s, `snapshots[${i}]`), `snapshots[${i}]`))
    const trace: FuncTrace = {
      func: str(e['func'], 'func'),
      arch: str(e['arch'], 'arch'),
      passes: arr(e['passes'], 'passes').map((p, i) => this.pass(obj(p, `passes[${i}]`), `passes[${i}]`)),
      allocs: arr(e['allocs'], 'allocs') as AllocGroup[],
    }
    if (e['stackFrame'] !== undefined) trace.stackFrame = obj(e['stackFrame'], 'stackFrame') as unknown as StackFrameResult
    if (e['asm'] !== undefined) trace.asm = this.asm(obj(e['asm'], 'asm'))
    if (e['asmError'] !== undefined) trace.asmError = str(e['asmError'], 'asmError')
    if (e['x'] !== undefined) assignExtra(trace, obj(e['x'], 'x'), TRACE_KEYS)
    return trace
  }

  private decodeValues(c: Record<string, unknown>): void {
    const id = ints(c['id'], 'values.id')
    const n = id.length
    const mask = Column.of(c['mask'], 'values.mask')
    const op = Column.of(c['op'], 'values.op')
    const type = Column.of(c['type'], 'values.type')
    const auxInt = Column.of(c['auxInt'], 'values.auxInt')
    const aux = Column.of(c['aux'], 'values.aux')
    const block = Column.of(c['block'], 'values.block')
    const line = Column.of(c['line'], 'values.line')
    const col = Column.of(c['col'], 'values.col')
    const argc = Column.of(c['argc'], 'values.argc')
    const args = Column.of(c['args'], 'values.args')
    const origin = Column.of(c['origin'], 'values.origin')
    const out: ValueRecord[] = new Array(n)
    // The last record of each id: ids ≥ 0 by number, others by text.
    const byNum: ValueRecord[] = []
    const byText = new Map<number, ValueRecord>()
    let vid = 0
    let bid = 0
    let ln = 0
    const w = 'values'
    for (let i = 0; i < n; i++) {
      vid += id[i]!
      const base = vid >= 0 ? byNum[vid] : byText.get(vid)
      const m = base === undefined ? VALUE_ALL : mask.next()
      let as: string[]
      if (m & F_ARGS) {
        as = new Array(argc.count(args))
        for (let j = 0; j < as.length; j++) as[j] = this.vref(vid - args.next(), w)
      } else as = base!.args // unchanged: shared, as the records are immutable
      let column: number
      let stmt: ValueRecord['stmt']
      if (m & F_COL) {
        const cs = col.next()
        const s = STMT[cs % 3]
        if (s === undefined) throw bad('values.col: negative entry')
        column = unzigzag((cs - (cs % 3)) / 3)
        stmt = s
      } else {
        column = base!.col
        stmt = base!.stmt
      }
      if (m & F_BLOCK) bid += block.next()
      if (m & F_LINE) ln += line.next()
      const r: ValueRecord = {
        id: this.vref(vid, w),
        op: m & F_OP ? this.str(op.next(), w) : base!.op,
        type: m & F_TYPE ? this.str(type.next(), w) : base!.type,
        args: as,
        block: m & F_BLOCK ? this.bref(bid, w) : base!.block,
        line: m & F_LINE ? ln : base!.line,
        col: column,
        stmt,
      }
      const ai = m & F_AUXINT ? this.optStr(auxInt.next(), w) : base!.auxInt
      if (ai !== undefined) r.auxInt = ai
      const ax = m & F_AUX ? this.optStr(aux.next(), w) : base!.aux
      if (ax !== undefined) r.aux = ax
      let or: string | undefined
      if (m & F_ORIGIN) {
        const z = origin.next()
        if (z !== 0) or = this.vref(vid - unzigzag(z - 1), w)
      } else or = base!.origin
      if (or !== undefined) r.origin = or
      out[i] = Object.freeze(r)
      if (vid >= 0) byNum[vid] = r
      else byText.set(vid, r)
    }
    for (const column of [mask, op, type, auxInt, aux, block, line, col, argc, args, origin]) column.end()
    this.values = out
  }

  private decodeBlocks(c: Record<string, unknown>): void {
    const id = ints(c['id'], 'blocks.id')
    const n = id.length
    const mask = Column.of(c['mask'], 'blocks.mask')
    const kind = Column.of(c['kind'], 'blocks.kind')
    const line = Column.of(c['line'], 'blocks.line')
    const likely = Column.of(c['likely'], 'blocks.likely')
    const aux = Column.of(c['aux'], 'blocks.aux')
    const nctl = Column.of(c['nctl'], 'blocks.nctl')
    const ctl = Column.of(c['ctl'], 'blocks.ctl')
    const nsucc = Column.of(c['nsucc'], 'blocks.nsucc')
    const succs = Column.of(c['succs'], 'blocks.succs')
    const npred = Column.of(c['npred'], 'blocks.npred')
    const preds = Column.of(c['preds'], 'blocks.preds')
    const nval = Column.of(c['nval'], 'blocks.nval')
    const vals = Column.of(c['vals'], 'blocks.vals')
    const out: BlockRecord[] = new Array(n)
    const byNum: BlockRecord[] = []
    const byText = new Map<number, BlockRecord>()
    const fresh = { n: 0 }
    let bid = 0
    const w = 'blocks'
    for (let i = 0; i < n; i++) {
      bid += id[i]!
      const base = bid >= 0 ? byNum[bid] : byText.get(bid)
      const m = base === undefined ? BLOCK_ALL : mask.next()
      let controls: string[]
      if (m & G_CTL) {
        controls = new Array(nctl.count(ctl))
        for (let j = 0; j < controls.length; j++) controls[j] = this.vref(ctl.next(), w)
      } else controls = base!.controls
      let ss: string[]
      if (m & G_SUCCS) {
        ss = new Array(nsucc.count(succs))
        for (let j = 0; j < ss.length; j++) ss[j] = this.bref(bid - succs.next(), w)
      } else ss = base!.succs
      let ps: string[]
      if (m & G_PREDS) {
        ps = new Array(npred.count(preds))
        for (let j = 0; j < ps.length; j++) ps[j] = this.bref(bid - preds.next(), w)
      } else ps = base!.preds
      const count = m & G_NVAL ? nval.next() : base!.values.length
      if (count < 0) throw bad('blocks.nval: negative entry')
      const vs: ValueRecord[] = []
      applyEdits(vals, count, base?.values, this.values, fresh, vs, 'blocks.vals')
      const r: BlockRecord = {
        id: this.bref(bid, w),
        kind: m & G_KIND ? this.str(kind.next(), w) : base!.kind,
        controls,
        succs: ss,
        preds: ps,
        values: Object.freeze(vs) as ValueRecord[],
        line: m & G_LINE ? line.next() : base!.line,
      }
      let lk: BlockRecord['likely']
      if (m & G_LIKELY) {
        const x = likely.next()
        lk = LIKELY[x]
        if (x !== 0 && lk === undefined) throw bad('blocks.likely: entry out of range')
      } else lk = base!.likely
      if (lk !== undefined) r.likely = lk
      const ax = m & G_AUX ? this.optStr(aux.next(), w) : base!.aux
      if (ax !== undefined) r.aux = ax
      out[i] = Object.freeze(r)
      if (bid >= 0) byNum[bid] = r
      else byText.set(bid, r)
    }
    for (const column of [mask, kind, line, likely, aux, nctl, ctl, nsucc, succs, npred, preds, nval, vals]) column.end()
    this.blocks = out
  }

  private snapshot(s: Record<string, unknown>, where: string): FuncSnapshot {
    const name = this.str(s['name'] as number, where)
    const type = this.str(s['type'] as number, where)
    const arch = this.optStr(s['arch'] as number, where)
    const blocks = this.blockLists[index(s['blocks'], this.blockLists.length, `${where}.blocks`)]!
    const names = this.names[index(s['names'], this.names.length, `${where}.names`)]!
    // The compiler's field order, for JSON output.
    const snap: FuncSnapshot = arch === undefined ? { name, type, blocks, names } : { name, type, arch, blocks, names }
    if (s['scheduled'] !== undefined) snap.scheduled = true
    if (s['locs'] !== undefined) snap.locs = this.locs[index(s['locs'], this.locs.length, `${where}.locs`)]!
    return snap
  }

  private pass(p: Record<string, unknown>, where: string): PassRecord {
    const d = arr(p['diff'], `${where}.diff`, DIFF_KEYS.length)
    const diff = {} as SnapshotDiff
    DIFF_KEYS.forEach((k, j) => (diff[k] = this.deltaRefs(ints(d[j], `${where}.diff.${k}`), `${where}.diff.${k}`, j < 3 ? 'v' : 'b')))
    const ms = p['ms']
    if (typeof ms !== 'number') throw bad(`${where}.ms must be a number`)
    const name = this.str(p['name'] as number, where)
    const status = this.str(p['status'] as number, where) as PassStatus
    const snapshot = this.snapshots[index(p['snapshot'], this.snapshots.length, `${where}.snapshot`)]!
    // The compiler's field order, for JSON output.
    const rec: PassRecord =
      p['error'] === undefined ? { name, status, ms, snapshot, diff } : { name, status, error: str(p['error'], `${where}.error`), ms, snapshot, diff }
    if (p['rules'] !== undefined) rec.rules = this.rules(obj(p['rules'], `${where}.rules`), `${where}.rules`)
    if (p['x'] !== undefined) assignExtra(rec, obj(p['x'], `${where}.x`), PASS_KEYS)
    return rec
  }

  private rules(e: Record<string, unknown>, where: string): RuleApplication[] {
    const rule = ints(e['rule'], `${where}.rule`)
    const n = rule.length
    const value = ints(e['value'], `${where}.value`, n)
    const count = Column.of(e['n'], `${where}.n`)
    const created = Column.of(e['created'], `${where}.created`)
    const out: RuleApplication[] = new Array(n)
    let v = 0
    for (let i = 0; i < n; i++) {
      v += value[i]!
      const cs: string[] = new Array(count.count(created))
      for (let j = 0; j < cs.length; j++) cs[j] = this.vref(v + created.next(), where)
      out[i] = { rule: this.str(rule[i]!, where), value: this.vref(v, where), created: cs }
    }
    count.end()
    created.end()
    const extra = (i: number) => out[i] as unknown as Record<string, unknown>
    if (e['xs'] !== undefined) {
      for (const [j, entry] of arr(e['xs'], `${where}.xs`).entries()) {
        const w = `${where}.xs[${j}]`
        const [key, counts, tokens] = arr(entry, w, 3)
        const k = str(key, w)
        if (!isExtraKey(k, RULE_KEYS)) throw bad(`${w}: bad field name ${k}`)
        const c = ints(counts, w, n)
        const t = Column.of(tokens, w)
        for (let i = 0; i < n; i++) if (c[i] !== 0) extra(i)[k] = this.text(t, w, c[i]! - 1)
        t.end()
      }
    }
    if (e['xa'] !== undefined) {
      for (const [j, entry] of arr(e['xa'], `${where}.xa`).entries()) {
        const w = `${where}.xa[${j}]`
        const [key, counts, texts] = arr(entry, w, 3)
        const k = str(key, w)
        if (!isExtraKey(k, RULE_KEYS)) throw bad(`${w}: bad field name ${k}`)
        const c = ints(counts, w, n)
        const t = Column.of(texts, w)
        for (let i = 0; i < n; i++) {
          if (c[i] === 0) continue
          const len = c[i]! - 1
          if (len < 0 || len > t.left) throw bad(`${w}: too few texts`)
          const list: string[] = new Array(len)
          for (let m = 0; m < len; m++) list[m] = this.text(t, w)
          extra(i)[k] = list
        }
        t.end()
      }
    }
    if (e['xr'] !== undefined) {
      for (const [j, entry] of arr(e['xr'], `${where}.xr`).entries()) {
        const w = `${where}.xr[${j}]`
        const [i, key, x] = arr(entry, w, 3)
        const k = str(key, w)
        if (!isExtraKey(k, RULE_KEYS)) throw bad(`${w}: bad field name ${k}`)
        extra(index(i, n, w))[k] = x
      }
    }
    return out
  }

  private asm(e: Record<string, unknown>): Assembly {
    const pc = ints(e['pc'], 'asm.pc')
    const n = pc.length
    const line = ints(e['line'], 'asm.line', n)
    const text = ints(e['text'], 'asm.text', n)
    const value = ints(e['value'], 'asm.value', n)
    const block = ints(e['block'], 'asm.block', n)
    const lines: AsmLine[] = new Array(n)
    let p = 0
    for (let i = 0; i < n; i++) {
      p += pc[i]!
      const l: AsmLine = { pc: p, line: line[i]!, text: this.str(text[i]!, 'asm.text') }
      const v = this.optRef(value[i]!, 'asm.value', 'v')
      if (v !== undefined) l.value = v
      const b = this.optRef(block[i]!, 'asm.block', 'b')
      if (b !== undefined) l.block = b
      lines[i] = l
    }
    const asm = { lines } as Assembly
    assignExtra(asm, obj(e['rest'], 'asm.rest'), ASM_KEYS)
    return asm
  }
}
