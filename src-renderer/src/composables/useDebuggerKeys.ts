// The debugger's keys (DESIGN §6): pass stepping as iongraph and Turbolizer
// do it, rule stepping, search, uses, history. Keys typed into the editor or
// an input stay there.

import { onBeforeUnmount, onMounted } from 'vue'
import { ARCHES } from '../deeplink'
import { VIEW_DEFS } from '../views/registry'
import { useCompare } from '../stores/compare'
import { useSelection } from '../stores/selection'
import { useTraces } from '../stores/traces'
import { isInteresting, nextWhere } from '../trace/passes'

const viewByKey = (key: string) => VIEW_DEFS.find((d) => d.key === key)

export interface KeyTargets {
  openGoto(): void
  inspect(what: 'history' | 'uses'): void
  closeDialogs(): boolean
}

export const SHORTCUTS: [string, string][] = [
  ['n  b   F10  Shift+F10', 'next / previous pass'],
  ['f  r', 'next / previous pass that changed something'],
  ['g', 'go to a pass by name (fuzzy)'],
  ['Home  End', 'first / last pass'],
  ['.  ,', 'next / previous rule application in a rewrite pass'],
  ['/', 'search values: id, op, type, aux, /regex/ (Enter, Shift+Enter)'],
  ['click a value', 'select it and pin a colour in every pass and pane (click again: unpin)'],
  ['u  h', 'uses / history of the selected value'],
  ['a', 'switch architecture (amd64 ↔ ppc64)'],
  ['1 … 9', 'the views, in the order of their tabs'],
  ['Esc', 'close dialogs, clear the selection and pins'],
  ['?  F1', 'this list'],
]


/** What the pass keys move through: the main trace's passes, or in the comparison the passes of both arches. */
interface Stepper {
  index: number
  count: number
  interesting(i: number): boolean
  goto(i: number): void
}

export function useDebuggerKeys(targets: KeyTargets): void {
  const sel = useSelection()
  const traces = useTraces()
  const compare = useCompare()

  function stepper(): Stepper {
    if (compare.shown && compare.rows.length) return { index: compare.index, count: compare.rows.length, interesting: compare.interesting, goto: compare.goto }
    const passes = traces.passes
    return { index: traces.passIndex, count: passes.length, interesting: (i) => isInteresting(passes[i]!), goto: traces.goto }
  }

  function stepRule(dir: 1 | -1): void {
    const n = traces.current?.rules?.length ?? 0
    if (n === 0) return
    const k = sel.rule
    if (k === null) sel.rule = dir === 1 ? 0 : n - 1
    else sel.rule = k + dir < 0 || k + dir >= n ? null : k + dir
  }

  function onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    // Text fields keep their keys; a checkbox or the scrubber just clicked does not swallow n, b, 1…9.
    const typing = e.target instanceof Element && e.target.closest('.cm-editor, input:not([type=checkbox]):not([type=range]), select, textarea') !== null
    const { index: i, count, interesting, goto } = stepper()
    let handled = true
    if (e.key === 'F1' || (e.key === '?' && !typing)) sel.shortcutsOpen = true
    else if (e.key === 'Escape') {
      if (targets.closeDialogs()) return
      if (typing) return
      if (sel.rule !== null) sel.rule = null
      else sel.clear()
    } else if (e.key === 'F10') goto(e.shiftKey ? i - 1 : i + 1)
    else if (typing) handled = false
    else if (e.key === 'n') goto(i + 1)
    else if (e.key === 'b') goto(i - 1)
    else if (e.key === 'f') goto(nextWhere(count, i, 1, interesting))
    else if (e.key === 'r') goto(nextWhere(count, i, -1, interesting))
    else if (e.key === 'Home') goto(0)
    else if (e.key === 'End') goto(count - 1)
    else if (e.key === 'g') targets.openGoto()
    else if (e.key === '.') stepRule(1)
    else if (e.key === ',') stepRule(-1)
    else if (e.key === '/') {
      sel.view = 'ssa'
      sel.searchRequest++
    }
    else if (e.key === 'u') targets.inspect('uses')
    else if (e.key === 'h') targets.inspect('history')
    else if (e.key === 'a') sel.arch = ARCHES[(ARCHES.indexOf(sel.arch) + 1) % ARCHES.length]!
    else if (viewByKey(e.key)) sel.view = viewByKey(e.key)!.view
    else handled = false
    if (handled) e.preventDefault()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
