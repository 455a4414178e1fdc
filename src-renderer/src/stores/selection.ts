// What the user points at: function, arch, pass, view, the selected value
// and the values pinned with a sticky colour, the selected source line. The
// address bar mirrors it as a deep link, and a deep link restores it.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { formatDeepLink, type Arch, type CompareMode, type DeepLink, type View } from '../deeplink'
import { offsetOfPosition, parsePos } from '../trace/positions'
import { PIN_COLOURS } from '../trace/colours'
import { useDocument } from './document'

/** How many sticky colours there are (style.css: --pin-0 … --pin-7). */
export { PIN_COLOURS }
const NO_PINS: ReadonlyMap<string, number> = new Map()

export const useSelection = defineStore('selection', () => {
  const func = ref<string | null>(null)
  const arch = ref<Arch>('amd64')
  /** The pass by gc's name; null: the trace's first record (`start`). */
  const pass = ref<string | null>(null)
  const view = ref<View>('ssa')
  /** What the comparison view puts side by side (arches; the embedded pipeline and gc; two gc releases). */
  const compareMode = ref<CompareMode>('arch')
  /** The value (`vN`) or block (`bN`) last clicked: its history, uses and links follow it. */
  const value = ref<string | null>(null)
  /** Sticky colours: value id → colour index. Ids are never reused, so a pin follows one value through every pass. */
  const pinned = shallowRef<ReadonlyMap<string, number>>(new Map())
  /**
   * The value and the pins of the arch not shown: ids are numbered per arch
   * (v12 on ppc64 is not v12 on amd64), so each arch keeps its own, and
   * switching back brings them back (the comparison view shows both).
   */
  const aside = shallowRef<ReadonlyMap<Arch, { value: string | null; pinned: ReadonlyMap<string, number> }>>(new Map())
  /** The source line clicked in the editor (1-based). */
  const line = ref<number | null>(null)
  /** Rule stepping inside the current pass: the application's index, or null. */
  const rule = ref<number | null>(null)
  const shortcutsOpen = ref(false)
  /** A request to show a place in the editor (UTF-16 offset); any view may make it. */
  const reveal = shallowRef<{ from: number } | null>(null)
  /** Bumped to ask the SSA view to focus its search box (`/`). */
  const searchRequest = ref(0)
  /**
   * Source ranges (UTF-16 offsets) that stand for a value, such as a
   * heap-moved variable's declaration for its address: while the value is
   * pinned the editor marks them in its colour. Views register them.
   */
  const pinRanges = shallowRef<ReadonlyMap<string, readonly { from: number; to: number }[]>>(new Map())

  const doc = useDocument()
  const deepLink = computed<DeepLink>(() => ({
    example: doc.exampleName ?? undefined,
    // An imported ssa.html lives in the page only: a link cannot reopen it (nor should it open the .go file instead).
    file: doc.exampleName || doc.imported || doc.pkg ? undefined : doc.source?.path,
    pkg: doc.pkg?.dir,
    go: doc.pkg ? (doc.toolchain ?? undefined) : undefined,
    noInline: doc.pkg && doc.noInline ? true : undefined,
    cmp: compareMode.value === 'arch' ? undefined : compareMode.value,
    func: func.value ?? undefined,
    arch: arch.value === 'amd64' ? undefined : arch.value,
    pass: pass.value ?? undefined,
    view: view.value === 'ssa' ? undefined : view.value,
    value: value.value ?? undefined,
  }))

  // The selected function's declaration comes into view.
  watch(
    () => [func.value, doc.functions] as const,
    ([name, fns]) => {
      const f = fns.find((x) => x.name === name)
      if (f) reveal.value = { from: f.from }
    },
  )

  watch(
    arch,
    (now, before) => {
      const next = new Map(aside.value)
      next.set(before, { value: value.value, pinned: pinned.value })
      const back = next.get(now)
      next.delete(now)
      aside.value = next
      value.value = back?.value ?? null
      pinned.value = back?.pinned ?? new Map()
    },
    // At once, so a deep link's value lands on its own arch.
    { flush: 'sync' },
  )

  /** The selected value of an arch, shown or not. */
  const valueOf = (a: Arch): string | null => (a === arch.value ? value.value : aside.value.get(a)?.value ?? null)
  /** The pins of an arch, shown or not. */
  const pinsOf = (a: Arch): ReadonlyMap<string, number> => (a === arch.value ? pinned.value : aside.value.get(a)?.pinned ?? NO_PINS)

  // Another file: nothing selected in the old one means anything in it.
  watch(
    () => doc.docKey,
    () => {
      func.value = null
      pass.value = null
      rule.value = null
      pinRanges.value = new Map()
      clear()
    },
    { flush: 'sync' },
  )

  function selectFunc(name: string | null): void {
    if (name === func.value) return
    func.value = name
    value.value = null
    aside.value = new Map([...aside.value].map(([a, s]) => [a, { value: null, pinned: s.pinned }]))
    line.value = null
    rule.value = null
    pinRanges.value = new Map()
  }

  function setPinRanges(entries: Iterable<[string, readonly { from: number; to: number }[]]>): void {
    const next = new Map(pinRanges.value)
    for (const [id, ranges] of entries) next.set(id, ranges)
    pinRanges.value = next
  }

  function selectValue(id: string | null, opts: { pin?: boolean } = {}): void {
    value.value = id
    if (id && opts.pin !== false && /^v\d+$/.test(id) && !pinned.value.has(id)) pin(id)
  }

  /**
   * A click on a value or block id in a listing: Alt or Ctrl toggles its pin;
   * a click selects it (and pins it); a click on the selected, pinned value
   * unpins it.
   */
  function clickValue(id: string, e: { altKey: boolean; ctrlKey: boolean; shiftKey: boolean }): void {
    if (e.altKey || (e.ctrlKey && !e.shiftKey)) return togglePin(id)
    if (value.value === id && pinned.value.has(id)) togglePin(id)
    else selectValue(id)
  }

  function pin(id: string): void {
    const used = new Set(pinned.value.values())
    let colour = 0
    while (used.has(colour) && colour < PIN_COLOURS - 1) colour++
    if (used.has(colour)) colour = pinned.value.size % PIN_COLOURS
    const next = new Map(pinned.value)
    next.set(id, colour)
    pinned.value = next
  }

  function togglePin(id: string): void {
    if (!pinned.value.has(id)) return pin(id)
    const next = new Map(pinned.value)
    next.delete(id)
    pinned.value = next
  }

  /** Esc: the value selection, the pins (of every arch) and the source line go. */
  function clear(): void {
    value.value = null
    line.value = null
    pinned.value = new Map()
    aside.value = new Map()
  }

  function setPass(name: string | null): void {
    if (name === pass.value) return
    pass.value = name
    rule.value = null
  }

  function revealOffset(from: number): void {
    reveal.value = { from }
  }

  /** Reveals a gc position (`file:line:col`, byte column) of the open file. */
  function revealPos(pos: string): void {
    const p = parsePos(pos)
    if (p) reveal.value = { from: offsetOfPosition(doc.text, p.line, p.col) }
  }

  async function applyDeepLink(link: DeepLink): Promise<void> {
    if (link.arch) arch.value = link.arch
    if (link.view) view.value = link.view
    if (link.cmp) compareMode.value = link.cmp
    const ok = link.pkg
      ? await doc.openPackage(link.pkg, { toolchain: link.go ?? null, noInline: link.noInline === true })
      : link.file
        ? await doc.openFile(link.file)
        : await doc.openExample(link.example ?? doc.examples[0]?.name ?? '')
    if (!ok) return
    if (link.func) func.value = link.func
    if (link.pass) pass.value = link.pass
    if (link.value) selectValue(link.value)
  }

  return {
    func, arch, pass, view, compareMode, value, pinned, valueOf, pinsOf, line, rule, shortcutsOpen, reveal, searchRequest, pinRanges, deepLink,
    selectFunc, selectValue, clickValue, togglePin, setPinRanges, clear, setPass, revealOffset, revealPos, applyDeepLink,
    shareUrl: () => formatDeepLink(deepLink.value),
  }
})
