// Freezes the mutable function into a FuncSnapshot after each pass. A value
// or block record that did not change since the previous snapshot is reused
// as is, so fifty passes over a big function cost little more than one, and
// the diff falls out of the comparison.

import type { BlockRecord, FuncSnapshot, NamedValues, SnapshotDiff, ValueRecord } from '../../protocol/model'
import { auxIntText } from './auxint'
import { auxString, slotString, type Block, type Func, type LocalSlot, type Value } from './func'
import { opInfo } from './opinfo'

/** Numbers every take, so a value's `snapSeen` tells which take last found it in a block. */
let takes = 0

export class Snapshotter {
  // By id: the last record of each value and block, and each value's location.
  private values: (ValueRecord | undefined)[] = []
  private blocks: (BlockRecord | undefined)[] = []
  private locs: (string | undefined)[] = []
  private objs: (Value | undefined)[] = []
  // The raw fields each record was made from (on the Value itself, snap*; by
  // id for blocks). A value whose fields are the very same objects as last
  // time keeps its record after a few identity comparisons, so a pass that
  // changed little costs little: nothing is formatted or allocated for what it
  // did not touch. When an identity differs (a new but equal type or
  // position), the record's text decides.
  private rawBlocks: (RawBlock | undefined)[] = []
  private last: FuncSnapshot | null = null
  private lastNames: { slot: LocalSlot; values: Value[] }[] = []
  // The function and epoch of the last take. When the function is still at
  // that epoch, its `touched` list holds every value written since, and a
  // block whose raw fields and value list did not change and holds no touched
  // value keeps its record without a look at its values.
  private func: Func | null = null
  private epoch = 0
  /** The block order of the last take. */
  private order: Block[] = []

  /** The function as it is now, and what changed since the previous call. */
  take(f: Func): { snapshot: FuncSnapshot; diff: SnapshotDiff } {
    const serial = ++takes
    const incremental = this.last !== null && this.func === f && this.epoch === f.epoch
    const epoch = f.epoch
    const dirty = new Uint8Array(f.numBlocks)
    if (incremental) for (const v of f.touched) dirty[v.block.id] = 1
    const values = this.values
    const locs = this.locs
    const blocks: (BlockRecord | undefined)[] = new Array(f.numBlocks)
    const diff: SnapshotDiff = { valuesAdded: [], valuesRemoved: [], valuesChanged: [], blocksAdded: [], blocksRemoved: [], blocksChanged: [] }
    const last = this.last
    let anyBlockChanged = last === null || last.blocks.length !== f.blocks.length
    let locsChanged = false
    // Values that were in a block that changed: removed unless found again.
    const maybeGone: Value[] = []
    const blockRecords: BlockRecord[] = new Array(f.blocks.length)
    for (let i = 0; i < f.blocks.length; i++) {
      const b = f.blocks[i]!
      const oldB = this.blocks[b.id]
      const rb = this.rawBlocks[b.id]
      let rec: BlockRecord
      if (incremental && dirty[b.id] === 0 && oldB !== undefined && rb !== undefined && sameRawBlock(rb, b) && sameList(rb.values, b.values)) rec = oldB
      else {
        if (rb !== undefined) for (const v of rb.values) maybeGone.push(v)
        let same = oldB !== undefined && oldB.values.length === b.values.length
        const vrecs: ValueRecord[] = new Array(b.values.length)
        for (let j = 0; j < b.values.length; j++) {
          const v = b.values[j]!
          v.snapSeen = serial
          const old = values[v.id]
          let vrec: ValueRecord
          const known = old !== undefined && v.snapOwner === this
          if (known && ((incremental && v.touchedIn !== epoch) || sameRaw(v))) vrec = old
          else if (known && v.snapAuxInt === v.auxInt && v.snapAux === v.aux && sameValue(old, v)) {
            vrec = old
            keepRaw(this, v)
          } else {
            vrec = valueRecord(v, old)
            keepRaw(this, v)
            ;(old ? diff.valuesChanged : diff.valuesAdded).push(v.ref)
          }
          values[v.id] = vrec
          this.objs[v.id] = v
          vrecs[j] = vrec
          if (v.loc !== locs[v.id]) {
            locsChanged = true
            locs[v.id] = v.loc
            if (vrec === old) diff.valuesChanged.push(v.ref)
          }
          if (same && oldB!.values[j] !== vrec) same = false
        }
        if (oldB !== undefined && same && rb !== undefined && sameRawBlock(rb, b)) rec = oldB
        else if (oldB !== undefined && sameBlockShape(oldB, b)) rec = same ? oldB : blockRecord(b, vrecs, oldB)
        else {
          rec = blockRecord(b, vrecs, oldB)
          ;(oldB ? diff.blocksChanged : diff.blocksAdded).push(b.ref)
        }
        this.rawBlocks[b.id] = rawBlock(b)
      }
      if (!anyBlockChanged && rec !== last!.blocks[i]) anyBlockChanged = true
      blocks[b.id] = rec
      blockRecords[i] = rec
    }
    const prevBlocks = this.blocks
    for (let id = 0; id < prevBlocks.length; id++) {
      const rec = prevBlocks[id]
      if (rec !== undefined && blocks[id] === undefined) {
        diff.blocksRemoved.push(rec.id)
        const rb = this.rawBlocks[id]
        if (rb !== undefined) for (const v of rb.values) maybeGone.push(v)
        this.rawBlocks[id] = undefined
      }
    }
    // Values no block holds any more: in id order. Without the touched list
    // (the first take, or another snapshotter took f since), any value of
    // the last take may be gone.
    const gone: number[] = []
    if (incremental) {
      for (const v of maybeGone) if (v.snapSeen !== serial && values[v.id] !== undefined) gone.push(v.id)
      gone.sort((x, y) => x - y)
    } else {
      const objs = this.objs
      for (let id = 0; id < values.length; id++) if (values[id] !== undefined && objs[id]!.snapSeen !== serial) gone.push(id)
    }
    for (const id of gone) {
      diff.valuesRemoved.push(values[id]!.id)
      if (locs[id] !== undefined) locsChanged = true
      values[id] = undefined
      locs[id] = undefined
      this.objs[id] = undefined
    }
    // A block that only moved in the layout (loop rotate) changed too.
    if (last && anyBlockChanged && !sameList(this.order, f.blocks)) {
      const kept = new Set(blockRecords.map((r) => r.id))
      const before = last.blocks.map((r) => r.id).filter((id) => kept.has(id))
      const wasThere = new Set(before)
      const now = blockRecords.map((r) => r.id).filter((id) => wasThere.has(id))
      const changed = new Set(diff.blocksChanged)
      now.forEach((id, i) => {
        if (before[i] !== id && !changed.has(id)) {
          changed.add(id)
          diff.blocksChanged.push(id)
        }
      })
    }
    let sameNames = last !== null && this.sameRawNames(f)
    let names = last?.names ?? []
    if (!sameNames) {
      this.lastNames = f.names.map((n) => ({ slot: n.slot, values: [...n.values] }))
      const now = namesOf(f)
      sameNames = last !== null && sameNameLists(last.names, now)
      if (!sameNames) names = now
    }
    const scheduled = f.scheduled || undefined
    const locTable = !locsChanged && last ? last.locs : locationTable(f)
    const snapshot: FuncSnapshot =
      last && !anyBlockChanged && sameNames && last.scheduled === scheduled && locTable === last.locs
        ? last
        : {
            name: f.name,
            type: f.typeStr,
            arch: f.arch,
            blocks: anyBlockChanged || !last ? blockRecords : last.blocks,
            names,
            ...(scheduled ? { scheduled } : {}),
            ...(locTable ? { locs: locTable } : {}),
          }
    this.blocks = blocks
    this.order = f.blocks.slice()
    this.last = snapshot
    // A new epoch: writes from now on are the next take's.
    this.func = f
    f.epoch++
    f.touched.length = 0
    this.epoch = f.epoch
    return { snapshot, diff }
  }

  /**
   * For the checker: every value written since the last take was marked
   * (Value.touch), so the next take cannot miss a change. A pass that
   * mutates `args` in place without touch() fails here, in tests, rather
   * than leaving a stale record.
   */
  verifyTouched(f: Func): void {
    if (this.func !== f || this.epoch !== f.epoch) return
    for (const b of f.blocks) {
      for (const v of b.values) {
        if (v.touchedIn === f.epoch || v.snapOwner !== this || this.values[v.id] === undefined) continue
        if (!sameRaw(v) || v.loc !== this.locs[v.id]) throw new Error(`${v.ref} was changed without being marked (Value.touch): write it through its setters, setArg, addArg or setArgs`)
      }
    }
  }

  /** The function's names are the very slots and values of the last snapshot's (f.names drops empty entries only in pruneNames). */
  private sameRawNames(f: Func): boolean {
    const a = this.lastNames
    const b = f.names
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!
      const y = b[i]!
      if (x.slot !== y.slot || x.values.length !== y.values.length) return false
      for (let j = 0; j < x.values.length; j++) if (x.values[j] !== y.values[j]) return false
    }
    return true
  }
}

/** Remembers on v the fields its record is made from, as the objects they are. */
function keepRaw(owner: object, v: Value): void {
  v.snapOwner = owner
  v.snapOp = v.op
  v.snapType = v.type
  v.snapAuxInt = v.auxInt
  v.snapAux = v.aux
  v.snapBlock = v.block
  v.snapPos = v.pos
  v.snapOrigin = v.origin
  v.snapArgs = v.args.slice()
}

function sameRaw(v: Value): boolean {
  if (v.snapOp !== v.op || v.snapType !== v.type || v.snapBlock !== v.block || v.snapPos !== v.pos || v.snapAuxInt !== v.auxInt || v.snapAux !== v.aux || v.snapOrigin !== v.origin) return false
  const a = v.snapArgs
  const b = v.args
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

interface RawBlock {
  kind: string
  likely: Block['likely']
  pos: Block['pos']
  aux: Block['aux']
  controls: Value[]
  succs: Block[]
  preds: Block[]
  values: Value[]
}

const rawBlock = (b: Block): RawBlock => ({ kind: b.kind, likely: b.likely, pos: b.pos, aux: b.aux, controls: b.controls.slice(), succs: b.succs.slice(), preds: b.preds.slice(), values: b.values.slice() })

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const sameRawBlock = (r: RawBlock, b: Block): boolean =>
  r.kind === b.kind && r.likely === b.likely && r.pos === b.pos && r.aux === b.aux && sameList(r.controls, b.controls) && sameList(r.succs, b.succs) && sameList(r.preds, b.preds)

export const isEmptyDiff = (d: SnapshotDiff): boolean =>
  d.valuesAdded.length + d.valuesRemoved.length + d.valuesChanged.length + d.blocksAdded.length + d.blocksRemoved.length + d.blocksChanged.length === 0

/** The record of v as it is now; `prev`, its previous record, lends its argument list when that did not change (records are many, and immutable). */
export function valueRecord(v: Value, prev?: ValueRecord): ValueRecord {
  const r: ValueRecord = {
    id: v.ref,
    op: v.op,
    type: v.type.str,
    args: prev && sameRefs(prev.args, v.args) ? prev.args : Object.freeze(v.args.map((a) => a.ref)) as string[],
    block: v.block.ref,
    line: v.pos.line,
    col: v.pos.col,
    stmt: v.pos.stmt,
  }
  const ai = auxIntText(v.op, v.auxInt, v.block.func.arch)
  const pb = panicBoundsText(v)
  if (pb !== undefined) r.auxInt = pb
  else {
    if (ai !== undefined) r.auxInt = ai
    if (v.aux) r.aux = auxString(v.aux)
  }
  if (v.origin) r.origin = v.origin.ref
  return Object.freeze(r)
}

/**
 * `valueBody(valueRecord(v))` without the record: the rule log's text of a
 * value as a rule left it (`Op <T> {aux} [auxint] args`), made for every
 * rule application. Joined, so the log keeps flat strings.
 */
export function valueBodyOf(v: Value): string {
  const parts = [v.op, ' <', v.type.str, '>']
  const pb = panicBoundsText(v)
  if (pb !== undefined) parts.push('[', pb, ']')
  else {
    if (v.aux) parts.push(' {', auxString(v.aux), '}')
    const ai = auxIntText(v.op, v.auxInt, v.block.func.arch)
    if (ai !== undefined) parts.push(ai.startsWith('auxtype=') ? '[' : ' [', ai, ']')
  }
  const args = v.args
  for (let i = 0; i < args.length; i++) parts.push(' ', args[i]!.ref)
  return parts.join('')
}

/** Value id → register or stack slot, once regalloc has placed values (undefined before). */
function locationTable(f: Func): Readonly<Record<string, string>> | undefined {
  let locs: Record<string, string> | undefined
  for (const b of f.blocks) for (const v of b.values) if (v.loc !== undefined) (locs ??= {})[v.ref] = v.loc
  return locs && Object.freeze(locs)
}

/** Same record, given that auxInt and aux are the same raw values as when r was made. */
function sameValue(r: ValueRecord, v: Value): boolean {
  if (r.op !== v.op || r.type !== v.type.str || r.block !== v.block.ref) return false
  if (r.line !== v.pos.line || r.col !== v.pos.col || r.stmt !== v.pos.stmt) return false
  if (r.args.length !== v.args.length) return false
  for (let i = 0; i < r.args.length; i++) if (r.args[i] !== v.args[i]!.ref) return false
  return r.origin === (v.origin ? v.origin.ref : undefined)
}

/** The record of b with these value records; lists that did not change are shared with `prev`, its previous record. */
function blockRecord(b: Block, values: ValueRecord[], prev?: BlockRecord): BlockRecord {
  const refs = (old: string[] | undefined, now: readonly { ref: string }[]): string[] => (old && sameRefs(old, now) ? old : (Object.freeze(now.map((x) => x.ref)) as string[]))
  const r: BlockRecord = {
    id: b.ref,
    kind: b.kind,
    controls: refs(prev?.controls, b.controls),
    succs: refs(prev?.succs, b.succs),
    preds: refs(prev?.preds, b.preds),
    values: Object.freeze(values) as ValueRecord[],
    line: b.pos.line,
  }
  if (b.likely === 1) r.likely = 'likely'
  if (b.likely === -1) r.likely = 'unlikely'
  if (b.aux) r.aux = auxString(b.aux)
  return Object.freeze(r)
}

function sameRefs(a: readonly string[], b: readonly { ref: string }[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]!.ref) return false
  return true
}

function sameBlockShape(r: BlockRecord, b: Block): boolean {
  const likely = b.likely === 1 ? 'likely' : b.likely === -1 ? 'unlikely' : undefined
  return r.kind === b.kind && r.likely === likely && r.line === b.pos.line && r.aux === (b.aux ? auxString(b.aux) : undefined) && sameRefs(r.controls, b.controls) && sameRefs(r.succs, b.succs) && sameRefs(r.preds, b.preds)
}

function namesOf(f: Func): NamedValues[] {
  return f.names.filter((n) => n.values.length > 0).map((n) => ({ name: slotString(n.slot), values: n.values.map((v) => v.ref) }))
}


/**
 * Lowered bounds panics with constant operands keep them in a PanicBoundsC/CC
 * aux (a sym `{C}` / `{Cx Cy}` here) that gc prints in its default form.
 */
function panicBoundsText(v: Value): string | undefined {
  if (v.aux?.kind !== 'sym' || v.block.func.arch === 'generic' || !v.op.startsWith('LoweredPanicBounds')) return undefined
  const kind = opInfo(v.op, v.block.func.arch).aux
  const auxtype = kind === 'PanicBoundsC' ? 21 : kind === 'PanicBoundsCC' ? 22 : undefined
  return auxtype === undefined ? undefined : `auxtype=${auxtype} AuxInt=${v.auxInt} Aux=${v.aux.name}`
}

function sameNameLists(a: NamedValues[], b: NamedValues[]): boolean {
  return a.length === b.length && a.every((n, i) => n.name === b[i]!.name && sameList(n.values, b[i]!.values))
}
