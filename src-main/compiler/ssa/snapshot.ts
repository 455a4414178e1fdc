// Freezes the mutable function into a FuncSnapshot after each pass. A value
// or block record that did not change since the previous snapshot is reused
// as is, so fifty passes over a big function cost little more than one, and
// the diff falls out of the comparison.

import type { BlockRecord, FuncSnapshot, NamedValues, SnapshotDiff, ValueRecord } from '../../protocol/model'
import { auxIntText } from './auxint'
import { auxString, slotString, type Block, type Func, type Value } from './func'

export class Snapshotter {
  private values = new Map<number, ValueRecord>()
  private blocks = new Map<number, BlockRecord>()
  private last: FuncSnapshot | null = null

  /** The function as it is now, and what changed since the previous call. */
  take(f: Func): { snapshot: FuncSnapshot; diff: SnapshotDiff } {
    const values = new Map<number, ValueRecord>()
    const blocks = new Map<number, BlockRecord>()
    const diff: SnapshotDiff = { valuesAdded: [], valuesRemoved: [], valuesChanged: [], blocksAdded: [], blocksRemoved: [], blocksChanged: [] }
    let anyBlockChanged = this.last === null || this.last.blocks.length !== f.blocks.length
    const blockRecords = f.blocks.map((b, i) => {
      let blockValuesChanged = false
      const vrecs = b.values.map((v) => {
        const old = this.values.get(v.id)
        const rec = old && sameValue(old, v) ? old : valueRecord(v)
        if (rec !== old) {
          blockValuesChanged = true
          ;(old ? diff.valuesChanged : diff.valuesAdded).push(v.ref)
        }
        values.set(v.id, rec)
        return rec
      })
      const oldB = this.blocks.get(b.id)
      const rec = oldB && !blockValuesChanged && sameBlock(oldB, b, vrecs) ? oldB : blockRecord(b, vrecs)
      if (rec !== oldB) {
        if (!oldB) diff.blocksAdded.push(b.ref)
        else if (!sameBlockShape(oldB, b)) diff.blocksChanged.push(b.ref)
      }
      if (rec !== this.last?.blocks[i]) anyBlockChanged = true
      blocks.set(b.id, rec)
      return rec
    })
    for (const [id, rec] of this.values) if (!values.has(id)) diff.valuesRemoved.push(rec.id)
    for (const [id, rec] of this.blocks) if (!blocks.has(id)) diff.blocksRemoved.push(rec.id)
    const names = namesOf(f)
    const last = this.last
    const sameNames = last !== null && sameNameLists(last.names, names)
    const snapshot: FuncSnapshot =
      last && !anyBlockChanged && sameNames
        ? last
        : { name: f.name, type: f.typeStr, blocks: anyBlockChanged || !last ? blockRecords : last.blocks, names: sameNames ? last!.names : names }
    this.values = values
    this.blocks = blocks
    this.last = snapshot
    return { snapshot, diff }
  }
}

export const isEmptyDiff = (d: SnapshotDiff): boolean =>
  d.valuesAdded.length + d.valuesRemoved.length + d.valuesChanged.length + d.blocksAdded.length + d.blocksRemoved.length + d.blocksChanged.length === 0

function valueRecord(v: Value): ValueRecord {
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
  const ai = auxIntText(v.op, v.auxInt)
  if (ai !== undefined) r.auxInt = ai
  if (v.aux) r.aux = auxString(v.aux)
  if (v.origin) r.origin = v.origin.ref
  if (v.loc !== undefined) r.loc = v.loc
  return Object.freeze(r)
}

function sameValue(r: ValueRecord, v: Value): boolean {
  if (r.op !== v.op || r.type !== v.type.str || r.block !== v.block.ref) return false
  if (r.line !== v.pos.line || r.col !== v.pos.col || r.stmt !== v.pos.stmt || r.loc !== v.loc) return false
  if (r.args.length !== v.args.length) return false
  for (let i = 0; i < r.args.length; i++) if (r.args[i] !== v.args[i]!.ref) return false
  if (r.auxInt !== auxIntText(v.op, v.auxInt)) return false
  if (r.aux !== (v.aux ? auxString(v.aux) : undefined)) return false
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

function sameBlock(r: BlockRecord, b: Block, values: ValueRecord[]): boolean {
  return sameBlockShape(r, b) && r.values.length === values.length && r.values.every((v, i) => v === values[i])
}

function namesOf(f: Func): NamedValues[] {
  return f.names.filter((n) => n.values.length > 0).map((n) => ({ name: slotString(n.slot), values: n.values.map((v) => v.ref) }))
}

function sameNameLists(a: NamedValues[], b: NamedValues[]): boolean {
  return a.length === b.length && a.every((n, i) => n.name === b[i]!.name && n.values.length === b[i]!.values.length && n.values.every((v, j) => v === b[i]!.values[j]))
}
