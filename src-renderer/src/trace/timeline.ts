// Viewport arithmetic for the liveness timeline: instruction index ↔ pixels,
// what a scrolled window shows (rows and columns are drawn only there, so a
// 10,000-value function draws as fast as a small one), zoom that keeps the
// instruction under the pointer in place.

export interface Viewport {
  /** Pixels per instruction. */
  px: number
  scrollLeft: number
  scrollTop: number
  /** Width and height of the drawing area (without the label column and the axis). */
  width: number
  height: number
  rowHeight: number
}

/** Pixels per instruction that fit n instructions into width (never below a hair). */
export function fitPx(width: number, n: number): number {
  return n > 0 ? Math.max(width / n, 0.01) : 1
}

/** Instructions [lo, hi) in view, one extra on each side so partial columns draw. */
export function visibleInstrs(vp: Viewport, n: number): [number, number] {
  const lo = Math.max(0, Math.floor(vp.scrollLeft / vp.px) - 1)
  const hi = Math.min(n, Math.ceil((vp.scrollLeft + vp.width) / vp.px) + 1)
  return [lo, Math.max(lo, hi)]
}

/** Rows [r0, r1) in view. */
export function visibleRows(vp: Viewport, count: number): [number, number] {
  const r0 = Math.max(0, Math.floor(vp.scrollTop / vp.rowHeight))
  const r1 = Math.min(count, Math.ceil((vp.scrollTop + vp.height) / vp.rowHeight))
  return [r0, Math.max(r0, r1)]
}

/** The instruction under a pointer at x pixels into the drawing area, or -1. */
export function instrAtPixel(vp: Viewport, x: number, n: number): number {
  const i = Math.floor((x + vp.scrollLeft) / vp.px)
  return i >= 0 && i < n ? i : -1
}

/** The scrollLeft that keeps the point at `anchor` pixels into the drawing area still when px changes. */
export function zoomScroll(vp: Viewport, newPx: number, anchor: number): number {
  const at = (vp.scrollLeft + anchor) / vp.px
  return Math.max(0, at * newPx - anchor)
}

/** Fewest instructions between drawn block boundaries so that lines stay `minPx` apart. */
export function boundaryGap(px: number, minPx = 3): number {
  return Math.max(1, Math.ceil(minPx / px))
}
