// One pass over gc's ssa.html (cmd/compile/internal/ssa/html.go), keeping
// only the text of the elements that carry facts: the column titles, each
// block's header, value and end lines, the `name` lines, the genssa listing,
// the sources and the AST. Everything else (style, script, help, CFG svg,
// buttons) is skipped.
//
// A tokenizer of gc's own, fixed format rather than a general HTML parser:
// gc escapes every text it prints (html.EscapeString), so inside a column a
// `<` always starts one of its tags, and a column never holds `</td>`. On a
// 54 MB file (a 6,700-value function) htmlparser2 alone takes 1.5 s just to
// tokenize; this reads it in a fraction of that (npm run bench,
// ssa-html-import). Structure is checked as it goes; a problem is an
// SsaHtmlError with the line and column of the input.

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

export interface RawValue {
  /** The line's markup as gc wrote it (a slice of the input: repeated lines cost no copying; htmlText reads it). */
  html: string
  at: number
  dead: boolean
}

export interface RawBlock {
  id: string
  dead: boolean
  at: number
  /** The block's markup as gc wrote it (a slice of the input); readBlock reads its lines. */
  html: string
}

export interface BlockLines {
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
  | {
      kind: 'ssa'
      phase: string
      titles: RawTitle[]
      at: number
      blocks: RawBlock[]
      names: RawLine[]
      /** The column's function as gc printed it (markup included): equal texts, equal functions. */
      body: string
    }
  | { kind: 'genssa'; phase: string; at: number; lines: { src: string; text: string; at: number }[] }
  | { kind: 'sources'; phase: string; at: number; files: { file: string; lines: { line: number; text: string }[] }[] }
  | { kind: 'ast'; phase: string; at: number; lines: string[] }
  | { kind: 'other'; phase: string; at: number }

export interface RawHtml {
  /** The `<h1>`: gc's f.NameABI(), `Sum,1`. */
  title: string
  columns: RawColumn[]
}

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

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' }

/**
 * The text of s[from, to): tags dropped, entities decoded; gc's `<s>` (a
 * position that is not a statement) becomes `-`, so `(<s>7</s>)` reads `(-7)`
 * as in gc's text dumps. `&` and `<` are found with indexOf, each once.
 */
function textOf(s: string, from: number, to: number): string {
  let out = ''
  let i = from
  let lt = s.indexOf('<', i)
  let amp = s.indexOf('&', i)
  if (lt < 0 || lt > to) lt = to
  if (amp < 0 || amp > to) amp = to
  while (i < to) {
    if (lt <= amp) {
      out += s.slice(i, lt)
      if (lt >= to) break
      const end = s.indexOf('>', lt)
      if (end < 0 || end >= to) break
      if (end === lt + 2 && s.charCodeAt(lt + 1) === 115 /* s */) out += '-'
      i = end + 1
      lt = s.indexOf('<', i)
      if (lt < 0 || lt > to) lt = to
      if (amp < i) {
        amp = s.indexOf('&', i)
        if (amp < 0 || amp > to) amp = to
      }
    } else {
      out += s.slice(i, amp)
      const semi = s.indexOf(';', amp)
      let decoded: string | undefined
      if (semi > amp && semi - amp <= 10 && semi < to) {
        const name = s.slice(amp + 1, semi)
        if (name.charCodeAt(0) === 35 /* # */) {
          const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
          if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code)
        } else decoded = ENTITIES[name]
      }
      if (decoded === undefined) {
        out += '&'
        i = amp + 1
      } else {
        out += decoded
        i = semi + 1
      }
      amp = s.indexOf('&', i)
      if (amp < 0 || amp > to) amp = to
      if (lt < i) {
        lt = s.indexOf('<', i)
        if (lt < 0 || lt > to) lt = to
      }
    }
  }
  return out
}

/** The text of a piece of gc's markup (see textOf). */
export function htmlText(html: string): string {
  return textOf(html, 0, html.length)
}

/** The value of attribute `name` in the open tag s[from, to), or null. */
function attr(s: string, from: number, to: number, name: string): string | null {
  const key = ` ${name}="`
  const k = s.indexOf(key, from)
  if (k < 0 || k >= to) return null
  const e = s.indexOf('"', k + key.length)
  return e < 0 || e > to ? null : s.slice(k + key.length, e)
}

export function scanSsaHtml(input: string): RawHtml {
  const fail = (why: string, at: number, column?: string): never => {
    const p = positionOf(input, at)
    throw new SsaHtmlError(`line ${p.line}, column ${p.col}${column ? ` (in the ssa.html column ${JSON.stringify(column)})` : ''}: ${why}`, p.line, p.col, column)
  }
  const truncated = (what: string, column?: string): never => fail(`the file ends ${what}: it is truncated or not gc's ssa.html`, input.length, column)

  const body = input.indexOf('<body')
  const h1 = input.indexOf('<h1>', body < 0 ? 0 : body)
  if (h1 < 0) throw new SsaHtmlError('not a gc ssa.html file: no <h1> function name', 0, 0)
  const h1End = input.indexOf('</h1>', h1)
  if (h1End < 0) truncated('inside the <h1> function name')
  const out: RawHtml = { title: textOf(input, h1 + 4, h1End).trim(), columns: [] }
  const table = input.indexOf('<table>', h1End)
  if (table < 0) throw new SsaHtmlError('not a gc ssa.html file: no table of columns', 0, 0)

  // Columns never hold `</table>`: the last one closes the table.
  const closed = input.lastIndexOf('</table>')
  // Without it, read on: the column the file ends in is named.
  const tableEnd = closed < table ? input.length : closed
  let i = table
  for (;;) {
    const td = input.indexOf('<td id="', i)
    if (td < 0 || td > tableEnd) {
      i = tableEnd
      break
    }
    // The collapsed header cell: `<td id="X-col" class="collapsed"><div>PHASE</div></td>`.
    const tagEnd = input.indexOf('>', td)
    if (tagEnd < 0) truncated('inside a column header')
    const id = attr(input, td, tagEnd, 'id') ?? ''
    if (!id.endsWith('-col')) fail(`expected a column header cell (id "…-col"), found id ${JSON.stringify(id)}`, td)
    const headEnd = input.indexOf('</td>', tagEnd)
    if (headEnd < 0) truncated('inside a column header')
    const phase = textOf(input, tagEnd + 1, headEnd)
    // The expanded cell: `<td id="X-exp" class="…">CONTENT</td>`.
    const exp = input.indexOf('<td', headEnd)
    if (exp < 0) truncated('before this column', phase)
    const expTagEnd = input.indexOf('>', exp)
    if (expTagEnd < 0) truncated('inside this column', phase)
    const expId = attr(input, exp, expTagEnd, 'id')
    if (expId !== id.slice(0, -4) + '-exp') fail(`the column ${JSON.stringify(phase)} has no content cell (expected id ${JSON.stringify(id.slice(0, -4) + '-exp')})`, exp, phase)
    const cls = attr(input, exp, expTagEnd, 'class') ?? ''
    const from = expTagEnd + 1
    const to = input.indexOf('</td>', from)
    if (to < 0) truncated('inside this column', phase)
    const ctx = { input, from, to, at: exp, phase, fail }
    if (phase === 'sources') out.columns.push(sourcesColumn(ctx))
    else if (phase === 'AST') out.columns.push(astColumn(ctx))
    else if (phase === 'genssa' || cls === 'ssa-prog') out.columns.push(genssaColumn(ctx))
    else if (cls.startsWith('hash-') || cls === '') out.columns.push(ssaColumn(ctx))
    else out.columns.push({ kind: 'other', phase, at: exp })
    i = to + 5
  }
  if (closed < table) truncated('before the table of columns is closed')
  if (input.indexOf('</html>', i) < 0) truncated('before </html>')
  return out
}

interface Ctx {
  input: string
  from: number
  to: number
  at: number
  phase: string
  fail: (why: string, at: number, column?: string) => never
}

/** Each `<open …>…</close>` element inside [from, to), as [start of open tag, end of open tag + 1, start of close tag]. */
function* elements(c: Ctx, open: string, close: string, from = c.from, to = c.to): Generator<[number, number, number]> {
  let i = from
  for (;;) {
    const s = c.input.indexOf(open, i)
    if (s < 0 || s >= to) return
    const gt = c.input.indexOf('>', s)
    const e = c.input.indexOf(close, gt)
    if (gt < 0 || e < 0 || e >= to) c.fail(`an unclosed ${open.trim()}…${close}`, s, c.phase)
    yield [s, gt + 1, e]
    i = e + close.length
  }
}

function ssaColumn(c: Ctx): RawColumn {
  const { input } = c
  const titles: RawTitle[] = []
  const code = input.indexOf('<code>', c.from)
  const codeAt = code < 0 || code >= c.to ? c.to : code
  // Titles come first; an svg CFG (GOSSAFUNC=F:pass) may sit between them and the code.
  for (const [, s, e] of elements(c, '<h2>', '</h2>', c.from, codeAt)) {
    const stats = input.indexOf('<span class="stats">', s)
    if (stats >= 0 && stats < e) {
      const se = input.indexOf('</span>', stats)
      titles.push({ name: textOf(input, s, stats).trim(), stats: textOf(input, stats + 20, se).trim() })
    } else titles.push({ name: textOf(input, s, e).trim(), stats: '' })
  }
  const col: Extract<RawColumn, { kind: 'ssa' }> = { kind: 'ssa', phase: c.phase, titles, at: c.at, blocks: [], names: [], body: input.slice(codeAt, c.to) }
  if (code < 0 || code >= c.to) return col
  const codeEnd = input.lastIndexOf('</code>', c.to)
  if (codeEnd < code) c.fail('the function listing is not closed (no </code>)', code, c.phase)
  let i = code
  const blockOpen = '<ul class="b'
  for (;;) {
    const ul = input.indexOf(blockOpen, i)
    if (ul < 0 || ul >= codeEnd) break
    const gt = input.indexOf('>', ul)
    const cls = input.slice(ul + 11, gt - 1)
    const sp = cls.indexOf(' ')
    const id = sp < 0 ? cls : cls.slice(0, sp)
    if (!/^b\d+$/.test(id) || !cls.includes('ssa-print-func')) c.fail(`a block list without a block id (class ${JSON.stringify(cls)})`, ul, c.phase)
    // A block ends with its end line: `<li class="ssa-end-block">…</li></ul>`.
    const endLi = input.indexOf('<li class="ssa-end-block">', gt)
    const next = input.indexOf(blockOpen, gt)
    if (endLi < 0 || endLi >= codeEnd || (next >= 0 && next < endLi)) c.fail(`block ${id} has no end line`, ul, c.phase)
    const endClose = input.indexOf('</li>', endLi)
    if (endClose < 0 || endClose >= codeEnd) c.fail(`block ${id}'s end line is not closed`, endLi, c.phase)
    col.blocks.push({ id, dead: cls.includes('dead-block'), at: ul, html: input.slice(ul, endClose + 5) })
    i = endClose
  }
  for (const [s, b, e] of elements(c, '<li>name ', '</li>', i, codeEnd)) col.names.push({ text: textOf(input, b, e), at: s })
  return col
}

/**
 * The lines of a block (scanSsaHtml only finds its bounds: most blocks are
 * the same from one column to the next, and are read once).
 */
export function readBlock(input: string, b: RawBlock, phase: string): BlockLines {
  const fail = (why: string, at: number): never => {
    const p = positionOf(input, at)
    throw new SsaHtmlError(`line ${p.line}, column ${p.col} (in the ssa.html column ${JSON.stringify(phase)}): ${why}`, p.line, p.col, phase)
  }
  const h = b.html
  const c: Ctx = { input: h, from: 0, to: h.length, at: b.at, phase, fail: (why, at) => fail(why, b.at + at) }
  const endLi = h.lastIndexOf('<li class="ssa-end-block">')
  const endClose = h.length - 5
  const startLi = h.indexOf('<li class="ssa-start-block">')
  if (startLi < 0 || startLi > endLi) fail(`block ${b.id} has no header line`, b.at)
  const startClose = h.indexOf('</li>', startLi)
  // The header holds a collapse <button>: its `-` is not part of the line.
  const button = h.indexOf('<button', startLi)
  const out: BlockLines = { start: textOf(h, startLi + 28, button >= 0 && button < startClose ? button : startClose), values: [], end: '', endPos: '' }
  for (const [s, v, e] of elements(c, '<li class="ssa-long-value', '</li>', startClose, endLi)) {
    out.values.push({ html: h.slice(v, e), at: b.at + s, dead: h.startsWith('dead-value', s + 26) })
  }
  // The end line's position is its last span (`<span class="l9 line-number">(9)</span>`).
  const endBody = endLi + 26
  const posSpan = h.lastIndexOf(' <span class="l', endClose)
  if (posSpan > endBody && h.indexOf('line-number">', posSpan) < endClose) {
    out.end = textOf(h, endBody, posSpan)
    out.endPos = textOf(h, posSpan, endClose).trim()
  } else out.end = textOf(h, endBody, endClose)
  return out
}

function genssaColumn(c: Ctx): RawColumn {
  const { input } = c
  const lines: { src: string; text: string; at: number }[] = []
  let src = ''
  let i = c.from
  for (;;) {
    const dt = input.indexOf('<dt class="ssa-prog-src">', i)
    const dd = input.indexOf('<dd class="ssa-prog">', i)
    if (dd < 0 || dd >= c.to) break
    if (dt >= 0 && dt < dd) {
      const e = input.indexOf('</dt>', dt)
      if (e < 0 || e > dd) c.fail('an unclosed <dt>', dt, c.phase)
      src = textOf(input, dt + 25, e).trim()
    }
    const e = input.indexOf('</dd>', dd)
    if (e < 0 || e >= c.to) c.fail('an unclosed <dd>', dd, c.phase)
    lines.push({ src, text: textOf(input, dd + 21, e), at: dd })
    src = ''
    i = e + 5
  }
  return { kind: 'genssa', phase: c.phase, at: c.at, lines }
}

function sourcesColumn(c: Ctx): RawColumn {
  const { input } = c
  const files: { file: string; lines: { line: number; text: string }[] }[] = []
  const pre = input.indexOf('<pre>', c.from)
  const preEnd = input.indexOf('</pre>', pre)
  if (pre < 0 || pre >= c.to) return { kind: 'sources', phase: c.phase, at: c.at, files }
  if (preEnd < 0 || preEnd >= c.to) c.fail('the sources are not closed (no </pre>)', pre, c.phase)
  let file: (typeof files)[number] | null = null
  for (const [s, b, e] of elements(c, '<div', '</div>', pre, preEnd)) {
    const cls = attr(input, s, b, 'class')
    const text = textOf(input, b, e)
    const m = cls === null ? null : /^l(\d+) line-number$/.exec(cls)
    if (m) {
      if (!file) c.fail('a source line before any file name', s, c.phase)
      file!.lines.push({ line: Number(m[1]), text: text === '\u00a0' ? '' : text })
    } else if (input.startsWith('<strong>', b)) files.push((file = { file: text, lines: [] }))
  }
  return { kind: 'sources', phase: c.phase, at: c.at, files }
}

function astColumn(c: Ctx): RawColumn {
  const lines: string[] = []
  for (const [s, b, e] of elements(c, '<div class="', '</div>')) {
    const cls = attr(c.input, s, b, 'class') ?? ''
    if (cls === 'ast' || cls.endsWith(' ast')) {
      const t = textOf(c.input, b, e)
      lines.push(t === '\u00a0' ? '' : t)
    }
  }
  return { kind: 'ast', phase: c.phase, at: c.at, lines }
}
