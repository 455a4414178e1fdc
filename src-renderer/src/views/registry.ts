// The views of the main pane: one component each, with the tab and the key
// that show it. A view reads the stores (selection, traces, escape) itself.

import type { Component } from 'vue'
import type { View } from '../deeplink'
import AllocsView from './AllocsView.vue'
import AsmView from './AsmView.vue'
import CfgView from './CfgView.vue'
import CompareView from './CompareView.vue'
import EscapeView from './EscapeView.vue'
import LivenessView from './LivenessView.vue'
import SsaView from './SsaView.vue'

export interface ViewDef {
  view: View
  label: string
  /** The digit that shows it. */
  key: string
  component: Component
  /** Wants the main pane wide (two columns side by side): the source and side panes narrow while it is shown. */
  wide?: boolean
}

export const VIEW_DEFS: readonly ViewDef[] = [
  { view: 'ssa', label: 'SSA', key: '1', component: SsaView },
  { view: 'asm', label: 'Assembly', key: '2', component: AsmView },
  { view: 'escape', label: 'Escape', key: '3', component: EscapeView },
  { view: 'cfg', label: 'CFG', key: '4', component: CfgView },
  { view: 'compare', label: 'Compare', key: '5', component: CompareView, wide: true },
  { view: 'allocs', label: 'Allocs', key: '6', component: AllocsView },
  { view: 'liveness', label: 'Liveness', key: '7', component: LivenessView, wide: true },
]

export const viewDef = (view: View): ViewDef | undefined => VIEW_DEFS.find((d) => d.view === view)
