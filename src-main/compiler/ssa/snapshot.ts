// Freezes the mutable function into a FuncSnapshot after each pass. A value
// or block record that did not change since the previous snapshot is reused
// as is, so fifty passes over a big function cost little more than one, and
// the diff falls out of the comparison.

import type { BlockRecord, FuncSnapshot, NamedValues, SnapshotDiff, ValueRecord } from '../../protocol/model'
import { auxIntText } from './auxint'
import { auxString, slotString, type Block, type Func, type Value } from './func'
import { opInfo } from './opinfo'

export class Snapshotter {
  // By id: the last record of each value and block, and the raw aux fields it was made
  // from (comparing those is much cheaper than formatting them again).
  private values: (ValueRecord | undefined)[] = []
  private rawAuxInt: bigint[] = []
  private rawAux: (Value['aux'] | undefined)[] = []
  private blocks: (BlockRecord | undefined)[] = []
  private last: FuncSnapshot | null = null
  // Locations live beside the records: regalloc gives every value one, and the records stay shared.
  private lastLocs: (string | undefined)[] = []

  /** The function as it is now, and what changed since the previous call. */
  take(f: Func): { snapshot: FuncSnapshot; diff: SnapshotDiff } {
    const values: (ValueRecord | undefined)[] = new Array(f.numValues)
    const blocks: (BlockRecord | undefined)[] = new Array(f.numBlocks)
    const diff: SnapshotDiff = { valuesAdded: [], valuesRemoved: [], valuesChanged: [], blocksAdded: [], blocksRemoved: [], blocksChanged: [] }
    const last = this.last
    let anyBlockChanged = last === null || last.blocks.length !== f.blocks.length
    const locsNow: (string | undefined)[] = new Array(f.numValues)
    let locsChanged = false
    const blockRecords: BlockRecord[] = new Array(f.blocks.length)
    for (let i = 0; i < f.blocks.length; i++) {
      const b = f.blocks[i]!
      const oldB = this.blocks[b.id]
      let same = oldB !== undefined && oldB.values.length === b.values.length
      const vrecs: ValueRecord[] = new Array(b.values.length)
      for (let j = 0; j < b.values.length; j++) {
        const v = b.values[j]!
        const old = this.values[v.id]
        let rec: ValueRecord
        if (old !== undefined && this.rawAuxInt[v.id] === v.auxInt && this.rawAux[v.id] === v.aux && sameValue(old, v)) rec = old
        else {
          rec = valueRecord(v)
          this.rawAuxInt[v.id] = v.auxInt
          this.rawAux[v.id] = v.aux
          ;(old ? diff.valuesChanged : diff.valuesAdded).push(v.ref)
        }
        values[v.id] = rec
        vrecs[j] = rec
        locsNow[v.id] = v.loc
        if (v.loc !== this.lastLocs[v.id]) {
          locsChanged = true
          if (rec === old) diff.valuesChanged.push(v.ref)
        }
        if (same && oldB!.values[j] !== rec) same = false
      }
      const rec = oldB !== undefined && same && sameBlockShape(oldB, b) ? oldB : blockRecord(b, vrecs)
      if (rec !== oldB) {
        if (!oldB) diff.blocksAdded.push(b.ref)
        else if (!sameBlockShape(oldB, b)) diff.blocksChanged.push(b.ref)
      }
      if (!anyBlockChanged && rec !== last!.blocks[i]) anyBlockChanged = true
      blocks[b.id] = rec
      blockRecords[i] = rec
    }
    this.values.forEach((rec, id) => {
      if (rec && values[id] === undefined) {
        diff.valuesRemoved.push(rec.id)
        if (this.lastLocs[id] !== undefined) locsChanged = true
      }
    })
    this.blocks.forEach((rec, id) => {
      if (rec && blocks[id] === undefined) diff.blocksRemoved.push(rec.id)
    })
    // A block that only moved in the layout (loop rotate) changed too.
    if (last && anyBlockChanged) {
      const kept = new Set(blockRecords.map((r) => r.id))
      const before = last.blocks.map((r) => r.id).filter((id) => kept.has(id))
      const wasThere = new Set(before)
      const now = blockRecords.map((r) => r.id).filter((id) => wasThere.has(id))
      now.forEach((id, i) => {
        if (before[i] !== id && !diff.blocksChanged.includes(id)) diff.blocksChanged.push(id)
      })
    }
    const names = namesOf(f)
    const sameNames = last !== null && sameNameLists(last.names, names)
    const scheduled = f.scheduled || undefined
    const locs = !locsChanged && last ? last.locs : locationTable(f)
    const snapshot: FuncSnapshot =
      last && !anyBlockChanged && sameNames && last.scheduled === scheduled && locs === last.locs
        ? last
        : {
            name: f.name,
            type: f.typeStr,
            arch: f.arch,
            blocks: anyBlockChanged || !last ? blockRecords : last.blocks,
            names: sameNames ? last!.names : names,
            ...(scheduled ? { scheduled } : {}),
            ...(locs ? { locs } : {}),
          }
    this.lastLocs = locsNow
    this.values = values
    this.blocks = blocks
    this.last = snapshot
    return { snapshot, diff }
  }
}

export const isEmptyDiff = (d: SnapshotDiff): boolean =>
  d.valuesAdded.length + d.valuesRemoved.length + d.valuesChanged.length + d.blocksAdded.length + d.blocksRemoved.length + d.blocksChanged.length === 0

export function valueRecord(v: Value): ValueRecord {
  const r: ValueRecord = {
    id: v.ref,
    op: v.op,
    type: v.type.str,
    args: v.args.map((a) => a.ref),
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

function blockRecord(b: Block, values: ValueRecord[]): BlockRecord {
  const r: BlockRecord = {
    id: b.ref,
    kind: b.kind,
    controls: b.controls.map((c) => c.ref),
    succs: b.succs.map((s) => s.ref),
    preds: b.preds.map((p) => p.ref),
    values: Object.freeze(values) as ValueRecord[],
    line: b.pos.line,
  }
  if (b.likely === 1) r.likely = 'likely'
  if (b.likely === -1) r.likely = 'unlikely'
  if (b.aux) r.aux = auxString(b.aux)
  return Object.freeze(r)
}

const sameRefs = (a: readonly string[], b: readonly { ref: string }[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]!.ref)

function sameBlockShape(r: BlockRecord, b: Block): boolean {
  const likely = b.likely === 1 ? 'likely' : b.likely === -1 ? 'unlikely' : undefined
  return r.kind === b.kind && r.likely === likely && r.line === b.pos.line && r.aux === (b.aux ? auxString(b.aux) : undefined) && sameRefs(r.controls, b.controls) && sameRefs(r.succs, b.succs) && sameRefs(r.preds, b.preds)
}

function namesOf(f: Func): NamedValues[] {
  return f.names.filter((n) => n.values.length > 0).map((n) => ({ name: slotString(n.slot), values: n.values.map((v) => v.ref) }))
}

function sameNameLists(a: NamedValues[], b: NamedValues[]): boolean {
  return a.length === b.length && a.every((n, i) => n.name === b[i]!.name && n.values.length === b[i]!.values.length && n.values.every((v, j) => v === b[i]!.values[j]))
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
