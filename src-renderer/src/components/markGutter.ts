// CodeMirror's marker gutter for what gc decided on each line (escapes, heap
// allocations, bounds checks after prove, merged stack slots): one column per
// kind so they line up, a tooltip with the messages on hover, and a click on
// a glyph or a message opens the view that explains it.

import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state'
import { EditorView, gutter, GutterMarker, showTooltip, type Tooltip } from '@codemirror/view'
import { MARK_KINDS, toneOf, type LineMark, type LineMarks, type MarkKind } from '../trace/gutter-marks'

const GLYPHS: Record<MarkKind, Partial<Record<LineMark['tone'], string>>> = {
  escape: { heap: '●', leak: '◐', stack: '○' },
  alloc: { info: '◆' },
  bounds: { info: '▲' },
  slot: { info: '◫' },
}
export const KIND_LABELS: Record<MarkKind, string> = {
  escape: 'escape',
  alloc: 'heap allocation',
  bounds: 'bounds check',
  slot: 'stack slot',
}

class MarksMarker extends GutterMarker {
  constructor(readonly marks: readonly LineMark[]) {
    super()
  }
  override eq(other: MarksMarker): boolean {
    return other.marks === this.marks
  }
  override toDOM(): Node {
    const box = document.createElement('span')
    box.className = 'cm-marks'
    for (const kind of MARK_KINDS) {
      const slot = document.createElement('span')
      const tone = toneOf(this.marks, kind)
      slot.className = `cm-mark cm-mark-${kind}${tone ? ` cm-tone-${tone}` : ''}`
      if (tone) {
        slot.dataset['kind'] = kind
        slot.textContent = GLYPHS[kind][tone] ?? '•'
      }
      box.appendChild(slot)
    }
    return box
  }
}

export const setMarks = StateEffect.define<LineMarks>()
const setHover = StateEffect.define<number | null>()

interface MarksState {
  byLine: LineMarks
  set: RangeSet<GutterMarker>
}

const marksField = StateField.define<MarksState>({
  create: () => ({ byLine: new Map(), set: RangeSet.empty }),
  update(s, tr) {
    let next = { byLine: s.byLine, set: s.set.map(tr.changes) }
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue
      const ranges = [...e.value]
        .filter(([line]) => line >= 1 && line <= tr.state.doc.lines)
        .sort((a, b) => a[0] - b[0])
        .map(([line, ms]) => new MarksMarker(ms).range(tr.state.doc.line(line).from))
      next = { byLine: e.value, set: RangeSet.of(ranges) }
    }
    return next
  },
})

/** The marker gutter; `open` is called with the mark a click chose. */
export function markGutter(open: (m: LineMark) => void): Extension {
  let hideTimer: ReturnType<typeof setTimeout> | undefined
  const cancelHide = () => clearTimeout(hideTimer)
  const hideSoon = (view: EditorView) => {
    cancelHide()
    hideTimer = setTimeout(() => {
      if (view.state.field(hoverField, false) !== null) view.dispatch({ effects: setHover.of(null) })
    }, 200)
  }

  const hoverField = StateField.define<number | null>({
    create: () => null,
    update(line, tr) {
      if (tr.docChanged) line = null
      for (const e of tr.effects) if (e.is(setHover)) line = e.value
      return line
    },
    provide: (f) =>
      showTooltip.compute([f, marksField], (state): Tooltip | null => {
        const line = state.field(f)
        const marks = line !== null ? state.field(marksField).byLine.get(line) : undefined
        if (line === null || !marks || line > state.doc.lines) return null
        return {
          pos: state.doc.line(line).from,
          above: false,
          create: (view) => {
            const dom = document.createElement('div')
            dom.className = 'cm-marks-tooltip'
            dom.dataset['testid'] = 'gutter-tooltip'
            for (const m of marks) {
              const row = document.createElement('button')
              row.type = 'button'
              row.className = `cm-marks-row cm-tone-${m.tone}`
              const glyph = document.createElement('span')
              glyph.className = `cm-mark cm-mark-${m.kind} cm-tone-${m.tone}`
              glyph.textContent = GLYPHS[m.kind][m.tone] ?? '•'
              const kind = document.createElement('span')
              kind.className = 'cm-marks-kind'
              kind.textContent = KIND_LABELS[m.kind]
              const text = document.createElement('span')
              text.textContent = m.text
              row.append(glyph, kind, text)
              row.addEventListener('click', () => {
                view.dispatch({ effects: setHover.of(null) })
                open(m)
              })
              dom.appendChild(row)
            }
            dom.addEventListener('mouseenter', cancelHide)
            dom.addEventListener('mouseleave', () => hideSoon(view))
            return { dom }
          },
        }
      }),
  })

  return [
    marksField,
    hoverField,
    gutter({
      class: 'cm-marks-gutter',
      markers: (v) => v.state.field(marksField).set,
      domEventHandlers: {
        mousemove(view, block) {
          cancelHide()
          const line = view.state.doc.lineAt(block.from).number
          const has = view.state.field(marksField).byLine.has(line)
          const want = has ? line : null
          if (view.state.field(hoverField) !== want) view.dispatch({ effects: setHover.of(want) })
          return false
        },
        mouseleave(view) {
          hideSoon(view)
          return false
        },
        click(view, block, event) {
          const line = view.state.doc.lineAt(block.from).number
          const marks = view.state.field(marksField).byLine.get(line)
          if (!marks) return false
          const kind = (event.target as HTMLElement).closest<HTMLElement>('[data-kind]')?.dataset['kind']
          const m = marks.find((x) => x.kind === kind) ?? marks[0]!
          view.dispatch({ effects: setHover.of(null) })
          open(m)
          return true
        },
      },
    }),
  ]
}
