// One streaming pass over gc's ssa.html (cmd/compile/internal/ssa/html.go)
// with htmlparser2, keeping only the text of the elements that carry facts:
// the column titles, each block's header, value and end lines, the `name`
// lines, the genssa listing, the sources and the AST. Everything else (style,
// script, help, CFG svg, buttons) is skipped. Structure is checked as it goes;
// a problem is an SsaHtmlError with the line and column of the input.

import { Parser } from 'htmlparser2'

export class SsaHtmlError extends Error {
  constructor(
    message: string,
    /** 1-based position in the ssa.html text (0 when not tied to one place). */
    readonly line: number,
    readonly col: number,
    /** The ssa.html column (gc's phase string) it happened in. */
    readonly column?: string,
  ) {
    super(message)
    this.name = 'SsaHtmlError'
  }
}

export interface RawLine {
  text: string
  /** Offset of the element in the input. */
  at: number
}

export interface RawValue extends RawLine {
  dead: boolean
}

export interface RawBlock {
  id: string
  dead: boolean
  at: number
  /** `b2: ← b1 b4` */
  start: string
  values: RawValue[]
  /** `If v12 → b3 b5 (likely)`, without the position. */
  end: string
  /** The end line's position text, `(+9)`, `(-9)`, `(9)`; '' when gc printed none. */
  endPos: string
}

export interface RawTitle {
  /** The pass name as gc wrote it in the column's heading. */
  name: string
  /** The stats gc printed beside it: `[23455 ns]`, `crashed`; '' when none. */
  stats: string
}

export type RawColumn =
  | { kind: 'ssa'; phase: string; titles: RawTitle[]; at: number; blocks: RawBlock[]; names: RawLine[] }
  | { kind: 'genssa'; phase: string; at: number; lines: { src: string; text: string; at: number }[] }
  | { kind: 'sources'; phase: string; at: number; files: { file: string; lines: { line: number; text: string }[] }[] }
  | { kind: 'ast'; phase: string; at: number; lines: string[] }
  | { kind: 'other'; phase: string; at: number; text: string }

export interface RawHtml {
  /** The `<h1>`: gc's f.NameABI(), `Sum,1`. */
  title: string
  columns: RawColumn[]
}

type Capture = 'title' | 'h2' | 'stats' | 'blockStart' | 'value' | 'blockEnd' | 'endPos' | 'name' | 'dt' | 'dd' | 'srcLine' | 'srcFile' | 'ast' | 'other'

/** Position (1-based line and column) of an offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1
  let last = -1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    last = i
  }
  return { line, col: offset - last }
}

export function scanSsaHtml(input: string): RawHtml {
  const fail = (why: string, at: number, column?: string): never => {
    const p = positionOf(input, at)
    throw new SsaHtmlError(`line ${p.line}, column ${p.col}${column ? ` (in the ssa.html column ${JSON.stringify(column)})` : ''}: ${why}`, p.line, p.col, column)
  }
  const out: RawHtml = { title: '', columns: [] }
  let sawH1 = false
  let sawTable = false
  let closedHtml = false
  let depth = 0
  // The column being read: its -col header's phase, then its -exp cell.
  let pendingPhase: { id: string; phase: string; at: number } | null = null
  let col: RawColumn | null = null
  let colDepth = -1
  let block: RawBlock | null = null
  let blockDepth = -1
  let inPre = false
  let srcFile: { file: string; lines: { line: number; text: string }[] } | null = null
  // Text capture: one element at a time (they never nest in gc's output, except the
  // stats span in a title and the position span in a block's end line, handled as sub-captures).
  let cap: Capture | null = null
  let capDepth = -1
  let capAt = 0
  let buf = ''
  let sub: Capture | null = null
  let subDepth = -1
  let subBuf = ''
  let skipDepth = -1 // inside <button>, <svg>, <script>, <style>: text ignored
  let srcLineNo = 0
  let dead = false
  let lastTitle: RawTitle | null = null
  let dtText = ''

  const colName = (): string | undefined => (col ? col.phase : undefined)

  const finish = (c: Capture, text: string, at: number): void => {
    switch (c) {
      case 'title':
        out.title = text.trim()
        break
      case 'h2':
        if (col?.kind === 'ssa') {
          lastTitle!.name = text.trim()
          col.titles.push(lastTitle!)
        }
        break
      case 'blockStart':
        block!.start = text
        break
      case 'value':
        block!.values.push({ text, at, dead })
        break
      case 'blockEnd':
        block!.end = text
        break
      case 'name':
        if (col?.kind === 'ssa') col.names.push({ text, at })
        break
      case 'dt':
        dtText = text.trim()
        break
      case 'dd':
        if (col?.kind === 'genssa') col.lines.push({ src: dtText, text, at })
        dtText = ''
        break
      case 'srcLine':
        if (col?.kind === 'sources') {
          if (!srcFile) fail('a source line before any file name', at, colName())
          srcFile!.lines.push({ line: srcLineNo, text: text === '\u00a0' ? '' : text })
        }
        break
      case 'srcFile':
        if (col?.kind === 'sources' && text.trim() !== '' && text !== '\u00a0') {
          srcFile = { file: text, lines: [] }
          col.files.push(srcFile)
        }
        break
      case 'ast':
        if (col?.kind === 'ast') col.lines.push(text === '\u00a0' ? '' : text)
        break
      case 'other':
        if (col?.kind === 'other') col.text += text
        break
      default:
        break
    }
  }

  const startCapture = (c: Capture, at: number): void => {
    cap = c
    capDepth = depth
    capAt = at
    buf = ''
  }

  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++
        const at = parser.startIndex
        if (skipDepth >= 0) return
        if (name === 'button' || name === 'svg' || name === 'script' || name === 'style') {
          skipDepth = depth
          return
        }
        const cls = attrs['class'] ?? ''
        if (cap !== null) {
          // Markup inside a captured line: gc marks a non-statement position with <s>.
          if (name === 's') {
            if (sub !== null) subBuf += '-'
            else buf += '-'
          }
          else if (name === 'span' && cls === 'stats' && cap === 'h2') {
            sub = 'stats'
            subDepth = depth
            subBuf = ''
          } else if (name === 'span' && cap === 'blockEnd' && / line-number$|^no-line-number$/.test(cls)) {
            sub = 'endPos'
            subDepth = depth
            subBuf = ''
          }
          return
        }
        switch (name) {
          case 'h1':
            if (!sawH1) {
              sawH1 = true
              startCapture('title', at)
            }
            return
          case 'table':
            sawTable = true
            return
          case 'td': {
            const id = attrs['id'] ?? ''
            if (col) fail(`a new column starts before the column ${JSON.stringify(col.phase)} ends`, at, col.phase)
            if (id.endsWith('-col')) {
              // The collapsed header: its <div> holds the phase string (`opt deadcode  +  generic cse`).
              pendingPhase = { id: id.slice(0, -4), phase: '', at }
              return
            }
            if (id.endsWith('-exp')) {
              const key = id.slice(0, -4)
              if (!pendingPhase || pendingPhase.id !== key) fail(`column ${JSON.stringify(key)} has no header cell`, at)
              const phase = pendingPhase!.phase
              pendingPhase = null
              colDepth = depth
              if (phase === 'sources') col = { kind: 'sources', phase, at, files: [] }
              else if (phase === 'AST') col = { kind: 'ast', phase, at, lines: [] }
              else if (phase === 'genssa' || cls === 'ssa-prog') col = { kind: 'genssa', phase, at, lines: [] }
              else if (cls.startsWith('hash-') || cls === '') col = { kind: 'ssa', phase, titles: [], at, blocks: [], names: [] }
              else col = { kind: 'other', phase, at, text: '' }
              return
            }
            fail(`a table cell with an unexpected id ${JSON.stringify(id)}`, at)
            return
          }
          case 'div':
            if (pendingPhase && !col) {
              startCapture('other', at)
              return
            }
            if (col?.kind === 'sources' && inPre) {
              const m = /^l(\d+) line-number$/.exec(cls)
              if (m) {
                srcLineNo = Number(m[1])
                startCapture('srcLine', at)
              } else if (cls === '') startCapture('srcFile', at) // `<div><strong>file</strong></div>` or a `&nbsp;` spacer
              return
            }
            if (col?.kind === 'ast' && / ?ast$/.test(cls)) startCapture('ast', at)
            return
          case 'pre':
            if (col?.kind === 'sources') inPre = true
            return
          case 'h2':
            if (col) {
              lastTitle = { name: '', stats: '' }
              startCapture('h2', at)
            }
            return
          case 'ul':
            if (col?.kind === 'ssa' && cls.includes('ssa-print-func')) {
              if (block) fail(`block ${block.id} is not closed`, at, col.phase)
              const id = cls.split(' ')[0] ?? ''
              if (!/^b\d+$/.test(id)) fail(`a block list without a block id (class ${JSON.stringify(cls)})`, at, col.phase)
              block = { id, dead: cls.includes('dead-block'), at, start: '', values: [], end: '', endPos: '' }
              blockDepth = depth
              col.blocks.push(block)
            }
            return
          case 'li':
            if (col?.kind !== 'ssa') return
            if (cls === 'ssa-start-block') startCapture('blockStart', at)
            else if (cls.startsWith('ssa-long-value')) {
              if (!block) fail('a value outside any block', at, col.phase)
              dead = cls.includes('dead-value')
              startCapture('value', at)
            } else if (cls === 'ssa-end-block') startCapture('blockEnd', at)
            else if (cls === '' && !block) startCapture('name', at)
            return
          case 'dt':
            if (col?.kind === 'genssa') startCapture('dt', at)
            return
          case 'dd':
            if (col?.kind === 'genssa') startCapture('dd', at)
            return
          default:
            return
        }
      },
      ontext(text) {
        if (skipDepth >= 0) return
        if (sub !== null) subBuf += text
        else if (cap !== null) buf += text
      },
      onclosetag(name, implied) {
        const d = depth
        depth--
        if (skipDepth >= 0) {
          if (d === skipDepth) skipDepth = -1
          return
        }
        if (implied && (name === 'td' || name === 'table' || name === 'li' || name === 'ul' || name === 'code' || name === 'dl' || name === 'html')) {
          fail(`the file ends inside a <${name}> that gc always closes: it is truncated or not gc's ssa.html`, parser.startIndex, colName())
        }
        if (sub !== null && d === subDepth) {
          if (sub === 'stats') lastTitle!.stats = subBuf.trim()
          else if (sub === 'endPos') block!.endPos = subBuf.trim()
          sub = null
          return
        }
        if (cap !== null && d === capDepth) {
          const c = cap
          cap = null
          if (pendingPhase && !col && c === 'other') {
            pendingPhase.phase = buf
            return
          }
          finish(c, buf, capAt)
          return
        }
        if (name === 'ul' && block && d === blockDepth) block = null
        if (name === 'pre') inPre = false
        if (name === 'td' && col && d === colDepth) {
          if (block) fail(`block ${block.id} is not closed`, parser.startIndex, col.phase)
          out.columns.push(col)
          col = null
          colDepth = -1
          srcFile = null
        }
        if (name === 'html') closedHtml = true
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  try {
    parser.end(input)
  } catch (e) {
    if (e instanceof SsaHtmlError) throw e
    throw new SsaHtmlError(`cannot read the HTML: ${(e as Error).message}`, 0, 0)
  }
  if (!sawH1 || !sawTable) throw new SsaHtmlError(`not a gc ssa.html file: ${!sawH1 ? 'no <h1> function name' : 'no table of columns'}`, 0, 0)
  if (!closedHtml) {
    const p = positionOf(input, input.length)
    throw new SsaHtmlError(`line ${p.line}, column ${p.col}: the file ends before </html>: it is truncated`, p.line, p.col)
  }
  return out
}
