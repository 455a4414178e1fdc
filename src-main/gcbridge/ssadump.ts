// Parser for gc's SSA text dump (cmd/compile/internal/ssa/print.go): the
// `-d=ssa/<pass>/dump=F` files and the dumps in `GOSSAFUNC=F+` stdout.
//
// Types, aux and names are printed verbatim by gc and can hold spaces,
// commas, nested brackets and quoted strings (`{"a}b"}`, `<struct { x int }>`,
// `(x[func(int, int)])`), so fields are cut with a bracket-aware scanner,
// never by splitting on spaces.

export interface DumpValue {
  id: string
  /** null for `(?)`: no known position. */
  line: number | null
  /** `+` statement, `-` not a statement, '' default. */
  stmt: '+' | '-' | ''
  op: string
  type: string
  /** Text inside `[...]` (`16`, `true`, `val=1,off=0`, `1e+06`). */
  auxInt?: string
  /** Text inside `{...}` (`AuxCall{runtime.mallocgc}`, `type:int`, `"str"` quoted as gc printed it). */
  aux?: string
  args: string[]
  /** Register or stack slot after regalloc (`AX`, `x[int]`, `<AX>`, `<R11,nil>`). */
  reg?: string
  /** regalloc's temporary register (` tmp=R`). */
  tmp?: string
  /** LocalSlot names as printed: `&a[*int64]`, `xs+8[int]`. */
  names: string[]
  /** Only GOSSAFUNC stdout prints dead values; dump files omit them. */
  dead: boolean
}

export interface DumpBlock {
  id: string
  preds: string[]
  values: DumpValue[]
  kind: string
  controls: string[]
  succs: string[]
  likely?: 'likely' | 'unlikely'
  aux?: string
  auxInt?: string
  /** Unreachable block (GOSSAFUNC stdout only). */
  dead?: boolean
}

export interface DumpFunc {
  name: string
  type: string
  blocks: DumpBlock[]
  names: { name: string; values: string[] }[]
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' }
const CLOSE = new Set([')', ']', '}'])

/**
 * Index just past the bracket that closes s[start] (one of `([{<`), or -1.
 * All bracket kinds nest; double-quoted strings are skipped; `<` only counts
 * as an opener when it is the one at `start` (Go types contain `<-`, never `<T>`).
 */
function closeOf(s: string, start: number): number {
  const stack: string[] = []
  for (let i = start; i < s.length; i++) {
    const c = s[i]!
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
      continue
    }
    if (i === start && c === '<') stack.push('>')
    else if (OPEN[c]) stack.push(OPEN[c]!)
    else if (c === '>' && stack.length === 1 && stack[0] === '>') return i + 1
    else if (CLOSE.has(c)) {
      if (stack.pop() !== c) return -1
      if (stack.length === 0) return i + 1
    }
  }
  return -1
}

/** Index of the first space at bracket depth 0 from `start` (s.length when none). */
function tokenEnd(s: string, start: number): number {
  if (s[start] === '<') {
    const e = closeOf(s, start)
    return e < 0 ? s.length : e
  }
  let depth = 0
  for (let i = start; i < s.length; i++) {
    const c = s[i]!
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
    } else if (OPEN[c]) depth++
    else if (CLOSE.has(c)) depth--
    else if (c === ' ' && depth <= 0) return i
  }
  return s.length
}

/** Splits on `, ` at bracket depth 0 (the names list inside `(...)`). */
function splitTop(s: string): string[] {
  const out: string[] = []
  let from = 0
  let depth = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
    } else if (OPEN[c]) depth++
    else if (CLOSE.has(c)) depth--
    else if (c === ',' && s[i + 1] === ' ' && depth === 0) {
      out.push(s.slice(from, i))
      from = i + 2
    }
  }
  out.push(s.slice(from))
  return out
}

class LineError extends Error {}

/** A cursor over one line; every `expect` failure names what was expected. */
class Cursor {
  i = 0
  constructor(readonly s: string) {}
  get rest(): string {
    return this.s.slice(this.i)
  }
  done(): boolean {
    return this.i >= this.s.length
  }
  take(re: RegExp, what: string): RegExpExecArray {
    re.lastIndex = this.i
    const m = re.exec(this.s)
    if (!m || m.index !== this.i) throw new LineError(`expected ${what} at column ${this.i + 1}`)
    this.i += m[0].length
    return m
  }
  peek(prefix: string): boolean {
    return this.s.startsWith(prefix, this.i)
  }
  /** The bracketed group at the cursor, without its brackets. */
  group(what: string): string {
    const e = closeOf(this.s, this.i)
    if (e < 0) throw new LineError(`unbalanced ${what} at column ${this.i + 1}`)
    const inner = this.s.slice(this.i + 1, e - 1)
    this.i = e
    return inner
  }
  token(): string {
    const e = tokenEnd(this.s, this.i)
    const t = this.s.slice(this.i, e)
    this.i = e
    return t
  }
}

const POS_RE = /\((\?|([+-]?)(\d+))\) /y
const VID_RE = /(v\d+) = (\S+)/y
const ARG_RE = / (v\d+)(?= |$)/y

function parseValue(text: string): DumpValue {
  const c = new Cursor(text.trimStart())
  const pos = c.take(POS_RE, '`(?) ` or `(+L) ` position')
  const head = c.take(VID_RE, '`vN = Op`')
  if (!c.peek(' <')) throw new LineError(`expected \` <type>\` at column ${c.i + 1}`)
  c.i += 1
  const v: DumpValue = {
    id: head[1]!,
    line: pos[3] === undefined ? null : Number(pos[3]),
    stmt: (pos[2] ?? '') as DumpValue['stmt'],
    op: head[2]!,
    type: c.group('type'),
    args: [],
    names: [],
    dead: false,
  }
  // Aux parts in either order: `{aux} [auxint]`, `[auxint]`; auxFlagConstant has no leading space.
  for (;;) {
    const sp = c.peek(' [') || c.peek(' {') ? 1 : c.peek('[') ? 0 : -1
    if (sp < 0) break
    c.i += sp
    if (c.peek('[')) v.auxInt = c.group('[auxint]')
    else v.aux = c.group('{aux}')
  }
  for (;;) {
    ARG_RE.lastIndex = c.i
    const m = ARG_RE.exec(c.s)
    if (!m) break
    v.args.push(m[1]!)
    c.i += m[0].length
  }
  if (c.peek(' : ')) {
    c.i += 3
    v.reg = c.token()
  }
  if (c.peek(' tmp=')) {
    c.i += 5
    v.tmp = c.token()
  }
  if (c.peek(' (')) {
    c.i += 1
    v.names = splitTop(c.group('(names)'))
  }
  if (c.peek(' DEAD')) {
    c.i += 5
    v.dead = true
  }
  if (!c.done()) throw new LineError(`unexpected text at column ${c.i + 1}: ${JSON.stringify(c.rest)}`)
  return v
}

const KIND_RE = /(\S+)/y
const BID_RE = / (b\d+)(?= |$)/y

/** `Kind {aux} [auxint] ctrl… -> succ… (likely)` */
function parseBlockEnd(text: string, b: DumpBlock): void {
  const c = new Cursor(text.trimStart())
  b.kind = c.take(KIND_RE, 'block kind')[1]!
  if (c.peek(' {')) {
    c.i += 1
    b.aux = c.group('{aux}')
  }
  if (c.peek(' [')) {
    c.i += 1
    b.auxInt = c.group('[auxint]')
  }
  for (;;) {
    ARG_RE.lastIndex = c.i
    const m = ARG_RE.exec(c.s)
    if (!m) break
    b.controls.push(m[1]!)
    c.i += m[0].length
  }
  if (c.peek(' ->')) {
    c.i += 3
    for (;;) {
      BID_RE.lastIndex = c.i
      const m = BID_RE.exec(c.s)
      if (!m) break
      b.succs.push(m[1]!)
      c.i += m[0].length
    }
    if (b.succs.length === 0) throw new LineError(`expected successors after \`->\``)
  }
  const lk = / \((likely|unlikely)\)$/y
  lk.lastIndex = c.i
  const m = lk.exec(c.s)
  if (m) {
    b.likely = m[1] as 'likely' | 'unlikely'
    c.i += m[0].length
  }
  if (!c.done()) throw new LineError(`unexpected text at column ${c.i + 1}: ${JSON.stringify(c.rest)}`)
}

/** One value line in gc's dump form (`(+L) vN = Op <T> …`); throws an Error naming what was expected where. */
export function parseDumpValueLine(text: string): DumpValue {
  return parseValue(text)
}

/** A block's end line (`Kind {aux} [auxint] ctrl… -> succ… (likely)`) into `b`; throws an Error naming what was expected where. */
export function parseDumpBlockEnd(text: string, b: DumpBlock): void {
  parseBlockEnd(text, b)
}

const BLOCK_RE = /^ {2}(b\d+):((?: <-(?: b\d+)+)?)( DEAD)?$/
const NAME_RE = /^name (.+): \[((?:v\d+(?: v\d+)*)?)\]$/

/** Parses one function's dump. Throws `ssa dump line N: …` on anything it does not recognise. */
export function parseSsaDump(text: string, firstLine = 1): DumpFunc {
  const lines = text.split('\n')
  let fn: DumpFunc | null = null
  let block: DumpBlock | null = null
  let ended = false // the current block's end line has been seen
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]!
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const fail = (why: string): never => {
      throw new Error(`ssa dump line ${firstLine + k}: ${why}: ${JSON.stringify(line)}`)
    }
    if (line.trim() === '' || line === 'dependency cycle!') continue
    try {
      if (!fn) {
        if (line.startsWith(' ')) fail('expected a `Name Type` header')
        const c = new Cursor(line)
        const name = c.token()
        if (!c.peek(' ') || c.i + 1 >= line.length) fail('expected a `Name Type` header')
        fn = { name, type: line.slice(c.i + 1), blocks: [], names: [] }
        continue
      }
      const bm = BLOCK_RE.exec(line)
      if (bm) {
        if (block && !ended) fail(`block ${block.id} has no end line`)
        if (fn.names.length > 0) fail('block after `name` lines')
        block = { id: bm[1]!, preds: bm[2]!.replace(' <-', '').trim().split(' ').filter(Boolean), values: [], kind: '', controls: [], succs: [] }
        if (bm[3]) block.dead = true
        fn.blocks.push(block)
        ended = false
        continue
      }
      if (line.startsWith('name ')) {
        if (block && !ended) fail(`block ${block.id} has no end line`)
        const nm = NAME_RE.exec(line) ?? fail('malformed `name` line')
        fn.names.push({ name: nm[1]!, values: nm[2] === '' ? [] : nm[2]!.split(' ') })
        continue
      }
      if (!line.startsWith('    ')) fail('expected a block, value, block end or `name` line')
      if (!block) fail('value or block end before the first block')
      if (ended) fail(`line after the end of block ${block!.id}`)
      if (line.startsWith('    (')) block!.values.push(parseValue(line))
      else {
        parseBlockEnd(line, block!)
        ended = true
      }
    } catch (e) {
      if (e instanceof LineError) fail(e.message)
      throw e
    }
  }
  if (!fn) throw new Error(`ssa dump line ${firstLine}: empty dump`)
  if (block && !ended) throw new Error(`ssa dump line ${firstLine + lines.length - 1}: block ${block.id} has no end line`)
  return fn
}

/** A line that can continue a dump after its header. */
function isDumpLine(line: string): boolean {
  return line.startsWith('  ') || line.startsWith('name ') || line === 'dependency cycle!' || line === ''
}

/**
 * The dumps in `GOSSAFUNC=F+` stdout, in order: `start` (printed after
 * `compiling F`), then one per executed pass (printed after `  pass X end [N ns]`).
 * Other output (the AST, pass debug lines, genssa) is skipped. A new
 * `compiling` line starts another function (e.g. a second ABI).
 */
export function parseGossafuncStdout(text: string): { pass: string; func: DumpFunc }[] {
  const out: { pass: string; func: DumpFunc }[] = []
  const lines = text.split('\n')
  let pass: string | null = null
  let from = 0
  const flush = (to: number): void => {
    if (pass !== null && to > from) out.push({ pass, func: parseSsaDump(lines.slice(from, to).join('\n'), from + 1) })
    pass = null
  }
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!
    let m: RegExpExecArray | null
    if (/^compiling \S/.test(line)) {
      flush(k)
      pass = 'start'
      from = k + 1
    } else if ((m = /^ {2}pass (.+) end \[.*\]$/.exec(line))) {
      flush(k)
      pass = m[1]!
      from = k + 1
    } else if (pass !== null && (/^ {2}pass .+ begin$/.test(line) || (k > from && !isDumpLine(line)))) {
      flush(k)
    }
  }
  flush(lines.length)
  return out
}

/** gc's text for a parsed function: `formatSsaDump(parseSsaDump(t)) === t` for gc's output (the round trip the tests check). */
export function formatSsaDump(f: DumpFunc): string {
  const out = [`${f.name} ${f.type}`]
  for (const b of f.blocks) {
    out.push(`  ${b.id}:${b.preds.length > 0 ? ' <- ' + b.preds.join(' ') : ''}${b.dead ? ' DEAD' : ''}`)
    for (const v of b.values) {
      let s = `    (${v.line === null ? '?' : v.stmt + v.line}) ${v.id} = ${v.op} <${v.type}>`
      if (v.aux !== undefined) s += ` {${v.aux}}`
      // gc prints these two aux kinds without the leading space (value.go auxString).
      if (v.auxInt !== undefined) s += (/^(auxtype=|N=)/.test(v.auxInt) ? '' : ' ') + `[${v.auxInt}]`
      for (const a of v.args) s += ` ${a}`
      if (v.reg !== undefined) s += ` : ${v.reg}`
      if (v.tmp !== undefined) s += ` tmp=${v.tmp}`
      if (v.names.length > 0) s += ` (${v.names.join(', ')})`
      out.push(v.dead ? s + ' DEAD' : s)
    }
    let e = `    ${b.kind}`
    if (b.aux !== undefined) e += ` {${b.aux}}`
    if (b.auxInt !== undefined) e += ` [${b.auxInt}]`
    for (const c of b.controls) e += ` ${c}`
    if (b.succs.length > 0) e += ' -> ' + b.succs.join(' ')
    if (b.likely) e += ` (${b.likely})`
    out.push(e)
  }
  for (const n of f.names) out.push(`name ${n.name}: [${n.values.join(' ')}]`)
  return out.join('\n') + '\n'
}
