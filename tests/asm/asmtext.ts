// Reading `-S` instruction text back into Progs, so tests can measure our
// x86 encoder on gc's own instructions (their lengths are the pc deltas).

import { newProg, type Addr, type Prog } from '../../src-main/compiler/asm/prog'

function splitOperands(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++
    else if (s[i] === ')') depth--
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i).trim())
      start = i + 1
    }
  }
  if (s.trim()) out.push(s.slice(start).trim())
  return out
}

export function parseAddr(s: string): Addr {
  let m = /^\$\((.*)\)$/.exec(s)
  if (m) return { type: 'fconst', value: Number(m[1]) }
  m = /^\$(-?\d+)$/.exec(s)
  if (m) return { type: 'const', value: BigInt(m[1]!) }
  if (s.startsWith('$')) return { ...(parseAddr(s.slice(1)) as Extract<Addr, { type: 'mem' }>), addr: true }
  if (/^[A-Z][A-Z0-9]*$/.test(s) || s === 'g') return { type: 'reg', reg: s }
  // Symbols may hold parentheses (`p.(*T).M-fm(SB)`): the base register is the last group but an index.
  m = /^(.*?)\(([A-Z][A-Z0-9]*|g)\)(?:\(([A-Z][A-Z0-9]*)(?:\*(\d+))?\))?$/.exec(s)
  if (!m) throw new Error(`cannot parse operand ${s}`)
  const [, pre, base, index, scale] = m
  const sym = /^(.*?)([+-]\d+)?$/s.exec(pre!)!
  const hasSym = sym[1] !== '' && !/^-?\d+$/.test(pre!)
  const offset = hasSym ? Number(sym[2] ?? 0) : Number(pre || 0)
  const a: Extract<Addr, { type: 'mem' }> = { type: 'mem', name: 'none', offset }
  if (base === 'SB') a.name = 'extern'
  else if (base === 'FP') a.name = 'param'
  else {
    a.reg = base!
    if (hasSym) a.name = 'auto'
  }
  if (hasSym) a.sym = sym[1]!
  if (index) {
    a.index = index
    a.scale = scale ? Number(scale) : 0
  }
  return a
}

/** `MOVQ\tAX, 8(SP)` → a Prog (from, [rest…], to as -S orders them). */
export function parseInst(text: string): Prog {
  const [as, ops = ''] = text.split('\t')
  const args = splitOperands(ops).map(parseAddr)
  const p = newProg(as!)
  if (args.length === 1) p.to = args[0]!
  else if (args.length >= 2) {
    p.from = args[0]!
    p.to = args[args.length - 1]!
    p.rest = args.slice(1, -1)
  }
  return p
}
