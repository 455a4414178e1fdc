// The CFG on a Cytoscape canvas. Every block and edge of the function (the
// union over its passes) is created once at its layout position; a pass only
// changes which are shown and how, so nothing moves while stepping and the
// viewport stays where the user left it. Blocks a pass removes fade out,
// blocks it adds fade in.

import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape'
import { cfgStylesheet } from './cfgStyle'
import { BLOCK_H, BLOCK_W, type CfgLayout } from '../trace/cfg-layout'
import type { CfgBlock, CfgEdge, CfgPass } from '../trace/cfg-pass'

/** Above this many blocks the canvas trades detail for speed while panning. */
export const BIG_GRAPH = 400
/** Fades are skipped when a pass adds or removes more elements than this. */
const MAX_FADES = 160
const FADE_MS = 220

/** Where the user left each function's graph (kept across the view's unmounting), so coming back finds it there. */
export const savedViews = new WeakMap<CfgLayout, { zoom: number; pan: { x: number; y: number } }>()

export interface CfgGraphEvents {
  pick(id: string): void
  toggle(id: string): void
  hover(id: string | null): void
  viewport(): void
}

export interface CfgShow {
  pass: CfgPass
  diff: boolean
  order: boolean
  /** The selected block, and the block holding the selected value. */
  selected: string | null
  holds: string | null
  /** Block id → the colour of its first pinned value. */
  pins: ReadonlyMap<string, number>
  /** Blocks with values of the selected source line. */
  lineHits: ReadonlySet<string>
}

const edgeId = (src: string, dst: string) => `${src}>${dst}`

/** Endpoints relative to the blocks' centres and the bends as Cytoscape's segment weights and distances along source → target. */
function routeData(layout: CfgLayout, u: number, v: number, pts: number[]): Record<string, unknown> {
  const sx = pts[0]!
  const sy = pts[1]!
  const tx = pts[pts.length - 2]!
  const ty = pts[pts.length - 1]!
  const data: Record<string, unknown> = { se: [sx - layout.x[u]!, sy - layout.y[u]!], te: [tx - layout.x[v]!, ty - layout.y[v]!] }
  const dx = tx - sx
  const dy = ty - sy
  const l2 = dx * dx + dy * dy
  if (pts.length <= 4 || l2 === 0) return data
  const l = Math.sqrt(l2)
  const sw: number[] = []
  const sd: number[] = []
  for (let i = 2; i < pts.length - 2; i += 2) {
    const px = pts[i]! - sx
    const py = pts[i + 1]! - sy
    sw.push((px * dx + py * dy) / l2)
    sd.push((py * dx - px * dy) / l)
  }
  data['sw'] = sw
  data['sd'] = sd
  return data
}

interface Def {
  def: ElementDefinition
  /** Model-space bounds, to tell whether it is near the view. */
  x1: number
  y1: number
  x2: number
  y2: number
  /** Edges: the blocks they join. */
  ends?: [string, string]
}

/** Every block, loop box and edge of the function, by element id. */
function definitions(layout: CfgLayout): Map<string, Def> {
  const out = new Map<string, Def>()
  layout.boxes.forEach((b) => {
    const id = `loop:${layout.ids[b.header]}`
    out.set(id, {
      def: { group: 'nodes', data: { id, w: b.w, h: b.h }, position: { x: b.x + b.w / 2, y: b.y + b.h / 2 } },
      x1: b.x,
      y1: b.y,
      x2: b.x + b.w,
      y2: b.y + b.h,
    })
  })
  layout.ids.forEach((id, i) => {
    const x = layout.x[i]!
    const y = layout.y[i]!
    out.set(id, {
      def: { group: 'nodes', data: { id, label: id }, position: { x, y } },
      x1: x - BLOCK_W / 2,
      y1: y - BLOCK_H / 2,
      x2: x + BLOCK_W / 2,
      y2: y + BLOCK_H / 2,
    })
  })
  const n = layout.n
  for (const [key, r] of layout.routes) {
    const u = Math.floor(key / n)
    const v = key % n
    const src = layout.ids[u]!
    const dst = layout.ids[v]!
    const data = routeData(layout, u, v, r.points)
    const xs = r.points.filter((_, i) => i % 2 === 0)
    const ys = r.points.filter((_, i) => i % 2 === 1)
    out.set(edgeId(src, dst), {
      def: { group: 'edges', data: { id: edgeId(src, dst), source: src, target: dst, ...data } },
      x1: Math.min(...xs),
      y1: Math.min(...ys),
      x2: Math.max(...xs),
      y2: Math.max(...ys),
      ends: [src, dst],
    })
  }
  return out
}

/** The classes an edge always has: how Cytoscape draws its route. */
function routeClass(d: Def): string {
  const data = d.def.data
  return data['source'] === data['target'] ? 'self' : data['sw'] ? 'seg' : ''
}

function label(b: CfgBlock, diff: boolean): string {
  const n = b.block.values.length
  const head = `${b.loopHeader ? '↻ ' : ''}${b.id}  ${b.block.kind}${b.order >= 0 ? `  #${b.order}` : ''}`
  const d = b.delta
  if (diff && d.added + d.changed + d.removed > 0) {
    const parts = [d.added && `+${d.added}`, d.changed && `~${d.changed}`, d.removed && `−${d.removed}`].filter(Boolean)
    return `${head}\n${n}v  ${parts.join(' ')}`
  }
  return `${head}\n${n} value${n === 1 ? '' : 's'}`
}

type Rect = { x1: number; y1: number; x2: number; y2: number }

export class CfgGraph {
  readonly cy: Core
  readonly big: boolean
  private defs: Map<string, Def>
  /** What the pass shows: element id → classes, and blocks' labels. */
  private want = new Map<string, string>()
  private labels = new Map<string, string>()
  /** What is in Cytoscape now, with the classes and labels it has there. */
  private inCy = new Map<string, string>()
  private cyLabels = new Map<string, string>()
  private leaving = new Set<string>()
  /** Big graphs keep only the elements near the view in Cytoscape (null: all of them). */
  private window: Rect | null = null
  private chain: [string, string][] = []
  private chainSig = ''
  private hovered: string | null = null

  constructor(
    container: HTMLElement,
    readonly layout: CfgLayout,
    private events: CfgGraphEvents,
  ) {
    this.big = layout.ids.length > BIG_GRAPH
    this.defs = definitions(layout)
    this.cy = cytoscape({
      container,
      style: cfgStylesheet(),
      // Positions come with the elements; a layout run would only fit the view (styling every element first).
      layout: { name: 'null' },
      // Far out, a big graph is a blur of thousands of blocks: the overview shows it whole instead.
      minZoom: this.big ? 0.12 : 0.05,
      maxZoom: 2.5,
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: 'single',
    })
    this.cy.on('tap', 'node.block', (e: EventObject) => events.pick(e.target.id()))
    this.cy.on('dbltap', 'node.block', (e: EventObject) => events.toggle(e.target.id()))
    this.cy.on('mouseover', 'node.block', (e: EventObject) => this.setHover(e.target.id()))
    this.cy.on('mouseout', 'node.block', () => this.setHover(null))
    this.cy.on('viewport', () => {
      this.follow()
      events.viewport()
    })
  }

  destroy(): void {
    this.cy.destroy()
  }

  private setHover(id: string | null): void {
    if (this.hovered === id) return
    const old = this.hovered ? this.cy.getElementById(this.hovered) : null
    if (old?.nonempty()) {
      old.removeClass('hover')
      old.connectedEdges().removeClass('near')
    }
    this.hovered = id
    const now = id ? this.cy.getElementById(id) : null
    if (now?.nonempty()) {
      now.addClass('hover')
      now.connectedEdges().addClass('near')
    }
    this.events.hover(id)
  }

  /** Shows a pass: which blocks and edges are there, and how they look. */
  show(s: CfgShow): void {
    const want = new Map<string, string>()
    const labels = new Map<string, string>()
    const { pass, diff } = s
    for (const h of pass.loopHeaders) {
      const id = `loop:${this.layout.ids[h]!}`
      const box = this.layout.boxes[this.layout.loops.headerOf[h]!]
      if (box && this.defs.has(id)) want.set(id, `loop${box.depth > 1 ? ' deep' : ''}`)
    }
    const block = (b: CfgBlock) => {
      const c = ['block']
      if (diff && b.status !== 'same') c.push(b.status)
      else if (diff && b.delta.added + b.delta.changed + b.delta.removed > 0) c.push('touched')
      if (b.loopHeader) c.push('header')
      if (b.dead) c.push('dead')
      if (b.block.kind === 'Exit') c.push('exit')
      const pin = s.pins.get(b.id)
      if (pin !== undefined) c.push(`pin${pin}`)
      if (s.selected === b.id) c.push('sel')
      else if (s.holds === b.id) c.push('holds')
      if (s.lineHits.has(b.id)) c.push('line-hit')
      if (this.hovered === b.id) c.push('hover')
      want.set(b.id, c.join(' '))
      labels.set(b.id, label(b, diff))
    }
    for (const b of pass.blocks) block(b)
    const edge = (e: CfgEdge) => {
      const d = this.defs.get(edgeId(e.src, e.dst))
      if (!d) return
      const c = [e.straight && routeClass(d) === 'seg' ? '' : routeClass(d)]
      if (e.likely) c.push(e.likely)
      if (e.back) c.push('back')
      if (e.fallthrough) c.push('ft')
      if (diff && e.status !== 'same') c.push(e.status)
      if (this.hovered === e.src || this.hovered === e.dst) c.push('near')
      want.set(edgeId(e.src, e.dst), c.filter(Boolean).join(' '))
    }
    for (const e of pass.edges) edge(e)
    if (diff) {
      for (const b of pass.removedBlocks) block(b)
      for (const e of pass.removedEdges) edge(e)
    }
    const before = this.want
    this.want = want
    this.labels = labels
    this.chain = s.order ? pass.layoutChain : []
    if (this.big && !this.window) this.window = this.aroundView()
    this.sync(before)
  }

  /** The part of the graph worth having in Cytoscape: the view and as much again around it. */
  private aroundView(): Rect {
    const e = this.cy.extent()
    const mx = Math.max(e.w / 2, 600)
    const my = Math.max(e.h / 2, 600)
    return { x1: e.x1 - mx, y1: e.y1 - my, x2: e.x2 + mx, y2: e.y2 + my }
  }

  /** After a pan or zoom: a big graph brings in the elements that came near the view. */
  private follow(): void {
    if (!this.big || !this.window) return
    const e = this.cy.extent()
    const w = this.window
    if (e.x1 >= w.x1 && e.y1 >= w.y1 && e.x2 <= w.x2 && e.y2 <= w.y2) return
    this.window = this.aroundView()
    this.sync(this.want)
  }

  /**
   * Brings Cytoscape in line with what the pass shows near the view. Elements
   * the pass removed fade out and those it added fade in (`before` is what the
   * previous call showed); elements only leaving or entering the window do not.
   */
  private sync(before: ReadonlyMap<string, string>): void {
    const w = this.window
    const near = (d: Def) => !w || (d.x2 >= w.x1 && d.x1 <= w.x2 && d.y2 >= w.y1 && d.y1 <= w.y2)
    const target = new Set<string>()
    for (const id of this.want.keys()) {
      const d = this.defs.get(id)!
      if (!near(d)) continue
      target.add(id)
      // An edge needs its blocks, however far.
      if (d.ends) for (const b of d.ends) if (this.want.has(b)) target.add(b)
    }
    const cy = this.cy
    cy.batch(() => {
      for (const id of this.leaving) {
        const el = cy.getElementById(id)
        el.stop(true, false)
        el.removeStyle('opacity')
        if (!target.has(id)) this.drop(id)
      }
      this.leaving.clear()
      const gone: string[] = []
      for (const id of this.inCy.keys()) if (!target.has(id)) gone.push(id)
      const fadeOut = gone.filter((id) => !this.want.has(id) && !id.startsWith('loop:'))
      const fadeIn: string[] = []
      const add: ElementDefinition[] = []
      for (const id of target) {
        const cls = this.want.get(id)!
        const d = this.defs.get(id)!
        if (!this.inCy.has(id)) {
          add.push({ ...d.def, data: d.def.group === 'nodes' && !id.startsWith('loop:') ? { ...d.def.data, label: this.labels.get(id) } : d.def.data, classes: cls })
          this.inCy.set(id, cls)
          if (this.labels.has(id)) this.cyLabels.set(id, this.labels.get(id)!)
          if (!before.has(id) && before.size > 0) fadeIn.push(id)
          continue
        }
        const el = cy.getElementById(id)
        if (this.inCy.get(id) !== cls) {
          el.classes(cls)
          this.inCy.set(id, cls)
        }
        const l = this.labels.get(id)
        if (l !== undefined && this.cyLabels.get(id) !== l) {
          el.data('label', l)
          this.cyLabels.set(id, l)
        }
      }
      const fade = fadeIn.length + fadeOut.length <= MAX_FADES
      for (const id of gone) if (!fade || !fadeOut.includes(id)) this.drop(id)
      // Blocks first: an edge needs its ends.
      add.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1))
      if (add.length) cy.add(add)
      if (fade) {
        for (const id of fadeOut) {
          if (!this.inCy.has(id)) continue
          this.leaving.add(id)
          const el = cy.getElementById(id)
          // Its edges go with it at once (Cytoscape would remove them with it anyway).
          for (const e of el.connectedEdges()) if (!target.has(e.id())) this.drop(e.id())
          el.animate({ style: { opacity: 0 } }, {
            duration: FADE_MS,
            complete: () => {
              if (this.leaving.delete(id)) this.drop(id)
            },
          })
        }
        for (const id of fadeIn) {
          const el = cy.getElementById(id)
          el.style('opacity', 0)
          el.animate({ style: { opacity: 1 } }, { duration: FADE_MS, complete: () => el.removeStyle('opacity') })
        }
      }
    })
    this.showChain()
  }

  private drop(id: string): void {
    if (!this.inCy.delete(id)) return
    this.cyLabels.delete(id)
    const el = this.cy.getElementById(id)
    if (el.isNode()) {
      // Cytoscape removes a block's edges with it (gc's layout edges too: they are drawn again).
      for (const e of el.connectedEdges()) this.inCy.delete(e.id())
      this.chainSig = ''
    }
    el.remove()
  }

  /** gc's dotted edges between consecutive blocks of the layout that no edge joins, where both blocks are in Cytoscape. */
  private showChain(): void {
    const chain = this.chain.filter(([a, b]) => this.inCy.has(a) && this.inCy.has(b) && !this.leaving.has(a) && !this.leaving.has(b))
    const sig = chain.map(([a, b]) => edgeId(a, b)).join(' ')
    if (sig === this.chainSig) return
    this.chainSig = sig
    this.cy.batch(() => {
      this.cy.remove('edge.chain')
      this.cy.add(chain.map(([a, b]) => ({ group: 'edges' as const, data: { id: `chain:${edgeId(a, b)}`, source: a, target: b }, classes: 'chain' })))
    })
  }

  /** The model-space rectangle in view. */
  extent(): { x1: number; y1: number; x2: number; y2: number } {
    const e = this.cy.extent()
    return { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 }
  }

  /** Centres the view on a model point, keeping the zoom. */
  centreOn(x: number, y: number, animate = false): void {
    const z = this.cy.zoom()
    const pan = { x: this.cy.width() / 2 - x * z, y: this.cy.height() / 2 - y * z }
    if (animate) this.cy.animate({ pan }, { duration: 200 })
    else this.cy.pan(pan)
  }

  /** Brings a block into view if it is not (no jump when it already is). */
  reveal(id: string, animate = true): void {
    const i = this.layout.index.get(id)
    if (i === undefined) return
    const e = this.cy.extent()
    const x = this.layout.x[i]!
    const y = this.layout.y[i]!
    if (x - BLOCK_W / 2 >= e.x1 && x + BLOCK_W / 2 <= e.x2 && y - BLOCK_H / 2 >= e.y1 && y + BLOCK_H / 2 <= e.y2) return
    this.centreOn(x, y, animate)
  }

  /** A first view of the function: all of it when that is readable, else its entry at a readable zoom. */
  home(): void {
    const cy = this.cy
    const w = cy.width()
    const h = cy.height()
    const { width, height } = this.layout
    const fit = Math.min((w - 40) / Math.max(width, 1), (h - 40) / Math.max(height, 1))
    if (fit >= 0.75) {
      const z = Math.min(fit, 1.1)
      cy.viewport({ zoom: z, pan: { x: (w - width * z) / 2, y: Math.max(20, (h - height * z) / 2) } })
      return
    }
    // From the top: the whole width if it stays readable, else the entry's column.
    const across = (w - 40) / Math.max(width, 1)
    const z = across >= 0.7 ? Math.min(across, 1.1) : 0.85
    const x = across >= 0.7 ? (w - width * z) / 2 : w / 2 - this.layout.x[0]! * z
    cy.viewport({ zoom: z, pan: { x, y: 24 - (this.layout.y[0]! - BLOCK_H / 2) * z } })
  }

  /** The whole graph: all of it for a small one; a big one's full width around the current place. */
  fit(): void {
    const cy = this.cy
    if (!this.big) {
      cy.fit(undefined, 24)
      return
    }
    const z = Math.max(cy.minZoom(), Math.min(1, (cy.width() - 40) / this.layout.width))
    const e = cy.extent()
    const mid = (e.y1 + e.y2) / 2
    cy.viewport({ zoom: z, pan: { x: (cy.width() - this.layout.width * z) / 2, y: cy.height() / 2 - mid * z } })
  }

  /** Rendered positions and looks of the blocks shown, for tests and tools that cannot read a canvas. */
  state(): Record<string, { x: number; y: number; cls: string; border: string }> {
    const out: Record<string, { x: number; y: number; cls: string; border: string }> = {}
    const z = this.cy.zoom()
    const pan = this.cy.pan()
    const l = this.layout
    for (const [id, cls] of this.want) {
      const i = l.index.get(id)
      if (i === undefined) continue
      const el = this.inCy.has(id) ? this.cy.getElementById(id) : null
      out[id] = {
        x: Math.round((l.x[i]! * z + pan.x) * 10) / 10,
        y: Math.round((l.y[i]! * z + pan.y) * 10) / 10,
        cls,
        border: el ? String(el.style('border-color')) : '',
      }
    }
    return out
  }
}
