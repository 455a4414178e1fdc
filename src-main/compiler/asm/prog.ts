// The machine instructions genssa emits, as cmd/internal/obj models them
// (Prog with From, Reg, RestArgs and To operands), and their text as
// `go tool compile -S` prints it (obj/util.go WriteInstructionString/Dconv).

/** How an operand names its symbol (obj's NAME_*): decides the default base register in text. */
export type AddrName = 'none' | 'extern' | 'static' | 'auto' | 'param'

export type Addr =
  | { type: 'none' }
  | { type: 'reg'; reg: string }
  | { type: 'const'; value: bigint }
  | { type: 'fconst'; value: number }
  /** `sym+off(reg)(index*scale)`, or an address constant `$sym+off(reg)` when `addr`. */
  | { type: 'mem'; name: AddrName; sym?: string; offset: number; reg?: string; index?: string; scale?: number; addr?: boolean }
  /** A jump to another instruction (printed as its pc) or to a symbol. */
  | { type: 'branch'; target?: Prog; sym?: string }
  /** TEXT's `$frame-args`. */
  | { type: 'textsize'; frame: number; args: number }

export const NONE: Addr = Object.freeze({ type: 'none' }) as Addr
export const reg = (r: string): Addr => ({ type: 'reg', reg: r })
export const con = (v: bigint | number): Addr => ({ type: 'const', value: BigInt(v) })
export const mem = (r: string | undefined, offset = 0, more: Partial<Extract<Addr, { type: 'mem' }>> = {}): Extract<Addr, { type: 'mem' }> => ({
  type: 'mem',
  name: 'none',
  offset,
  ...(r ? { reg: r } : {}),
  ...more,
})
export const ext = (sym: string, offset = 0): Extract<Addr, { type: 'mem' }> => ({ type: 'mem', name: 'extern', sym, offset })

export interface Prog {
  as: string
  from: Addr
  /** ppc64's middle register operand (obj's p.Reg). */
  reg?: string
  /** Extra source operands printed between Reg and To (obj's RestArgs). */
  rest: Addr[]
  to: Addr
  /** Source line (0: unknown). */
  line: number
  /** Byte offset in the function, set by the arch's span. */
  pc: number
  /** Encoded size in bytes; 0 for pseudo-instructions. */
  size: number
  /** The SSA value or block this instruction was generated for (`v12`, `b3`). */
  value?: string
  block?: string
  /** TEXT attributes (`NOSPLIT|ABIInternal`). */
  attrs?: string
  /** Set for a Jcc/JMP the assembler may encode in the short (rel8) form; cleared when it does not fit. */
  short?: boolean
}

export function newProg(as: string, from: Addr = NONE, to: Addr = NONE): Prog {
  return { as, from, rest: [], to, line: 0, pc: 0, size: 0 }
}

/** Zero-size bookkeeping instructions that -S prints but that encode nothing. */
export const isPseudo = (p: Prog): boolean => p.as === 'TEXT' || p.as === 'PCDATA' || p.as === 'FUNCDATA' || (p.as === 'NOP' && p.size === 0) || p.as === 'PCALIGN'

const offConv = (off: number): string => (off === 0 ? '' : off > 0 ? `+${off}` : `${off}`)

function nameText(a: Extract<Addr, { type: 'mem' }>): string {
  if (a.name === 'none') {
    if (!a.reg) return `${a.offset}`
    return a.offset === 0 ? `(${a.reg})` : `${a.offset}(${a.reg})`
  }
  const base = a.reg ?? (a.name === 'auto' ? 'SP' : a.name === 'param' ? 'FP' : 'SB')
  const sym = a.sym ?? ''
  return `${sym}${a.name === 'static' ? '<>' : ''}${offConv(a.offset)}(${base})`
}

/** An operand as obj's Dconv prints it. */
export function addrText(a: Addr): string {
  switch (a.type) {
    case 'none':
      return ''
    case 'reg':
      return a.reg
    case 'const':
      return `$${a.value}`
    case 'fconst': {
      let s = formatG17(a.value)
      if (!/[.e]/.test(s) && Number.isFinite(a.value)) s += '.0'
      return `$(${s})`
    }
    case 'mem': {
      const s = nameText(a)
      if (a.addr) return `$${s}`
      // ppc64's indexed forms have no scale: `(R3)(R4)`.
      return a.index ? `${s}(${a.index}${a.scale === 0 ? '' : `*${a.scale ?? 1}`})` : s
    }
    case 'branch':
      if (a.sym) return `${a.sym}(SB)`
      return a.target ? `${a.target.pc}` : '0(PC)'
    case 'textsize':
      return `$${a.frame}-${a.args}`
  }
}

/** Go's %.17g (used only for float constants that survive to the listing). */
function formatG17(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN'
  const s = x.toPrecision(17)
  if (!s.includes('e')) return s.includes('.') ? s.replace(/\.?0+$/, '') : s
  const [m, e] = s.split('e')
  const mant = m!.includes('.') ? m!.replace(/\.?0+$/, '') : m!
  const exp = Number(e)
  return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
}

/** The instruction text after the pc and line, as -S prints it. */
export function progText(p: Prog): string {
  const parts: string[] = []
  if (p.from.type !== 'none') parts.push(addrText(p.from))
  if (p.reg) parts.push(p.reg)
  for (const r of p.rest) parts.push(addrText(r))
  if (p.as === 'TEXT' && p.attrs) parts.push(p.attrs)
  if (p.to.type !== 'none') parts.push(addrText(p.to))
  return parts.length ? `${p.as}\t${parts.join(', ')}` : p.as
}
