// What a column of the architecture comparison can show. Each kind is one
// component taking ColumnProps; the view offers a listing ↔ … toggle as soon
// as there is more than one kind. The hook for the CFG: add
//   { kind: 'cfg', label: 'CFG', component: <a component taking ColumnProps> }
// here (the CFG view's graph at `passIndex` of `trace`, coloured with
// `selection.pinsOf(arch)`, picking values with the compare store's `pick`).

import type { Component } from 'vue'
import type { FuncTrace } from '../../../../src-main/protocol/model'
import type { Arch } from '../../deeplink'
import type { CompareSide } from '../../stores/compare'
import CompareListing from './CompareListing.vue'

export interface ColumnProps {
  /** The side shown (its pins and selection are the compare store's valueOf/pinsOf). */
  col: CompareSide
  arch: Arch
  trace: FuncTrace
  /** The pass shown: an index into trace.passes (the column is a gap when the trace lacks the pass). */
  passIndex: number
  /** This column's arch is the selected one: the timeline, history and assembly panes follow it. */
  active: boolean
  /** Show what the pass removed at its old place. */
  showRemoved: boolean
  /** A source line the pointer is on in either column: its values are highlighted in both. */
  crossLine: number | null
}

/** A column's content also emits `hoverLine` (number | null) as the pointer moves over its values. */
export interface ColumnKind {
  kind: string
  label: string
  component: Component
}

export const COLUMN_KINDS: readonly ColumnKind[] = [{ kind: 'listing', label: 'Listing', component: CompareListing }]
