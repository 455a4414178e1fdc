// What AMD64.rules' notation needs beyond the shared rule DSL (../dsl.ts):
//   - gc's lockstep alternations: `(Eq(Ptr|64|32) x y) => (SETEQ (CMP(Q|Q|L) x y))`
//     is three rules, each named by its expanded text (as rulegen's comments
//     show it); the build function also gets the index of the variant;
//   - `(Add64 ...) => (ADDQ ...)`: the value only changes op (rulegen sets v.Op);
//   - hex literals in patterns (`[0xFF]`);
//   - sub-results without `<t>` take the op's fixed type from gc's op table,
//     tuples printed as gc prints them (`int64,int64`);
//   - block rules whose control is matched like a value rule's left side.
// Patterns must be parsed inside withRuleArch('amd64', …) (see index.ts).

import type { Block, Func, Value } from '../../func'
import type { ValueRule } from '../../rewrite'
import { opInfo } from '../../opinfo'
import { parseType, results, type SsaType } from '../../types'
import { Make, namedType, rule, ruleName, toAuxInt, valueRule, type Match, type Node, type RuleDef, type RuleEnv } from '../dsl'

/** One group of alternatives: `(a|b|c)` with no spaces or brackets inside. */
const GROUP = /\(([^()\s|[\]]*(?:\|[^()\s|[\]]*)+)\)/

/** gc's rule variants: every `(a|b|…)` group advances in lockstep. */
export function variants(text: string): string[] {
  const groups: string[][] = []
  const parts: string[] = []
  let rest = ruleName(text)
  for (let m = GROUP.exec(rest); m; m = GROUP.exec(rest)) {
    parts.push(rest.slice(0, m.index))
    groups.push(m[1]!.split('|'))
    rest = rest.slice(m.index + m[0].length)
  }
  parts.push(rest)
  if (groups.length === 0) return [ruleName(text)]
  const n = groups[0]!.length
  if (groups.some((g) => g.length !== n)) throw new Error(`rule ${text}: alternations of different lengths`)
  return Array.from({ length: n }, (_, i) => parts.map((p, k) => p + (k < groups.length ? groups[k]![i] : '')).join('').replace(/\s+/g, ' '))
}

/** The left side as the shared parser reads it: `0xFF` in decimal. */
const parsable = (text: string): string => text.replace(/\[\s*(-?)0x([0-9a-fA-F]+)\s*\]/g, (_, s: string, h: string) => `[${s}${BigInt('0x' + h)}]`)

/**
 * A rule (alternations expanded); `build` gets the bindings, the variant's
 * index and its text (resultOp(t, k) reads the result's k-th op from it).
 */
export function rules<B = Match>(text: string, build: (m: B, i: number, t: string) => Node | null | undefined | false, keep: (i: number) => boolean = () => true): RuleDef[] {
  return variants(text).flatMap((t, i) => {
    if (!keep(i)) return []
    const def = rule<B>(parsable(t), (m) => typedResult(build(m, i, t)))
    return [{ ...def, text: t }]
  })
}

/** The k-th op named in a rule's result (`=> (NEGQ (SUBQconst …))`: 0 → NEGQ, 1 → SUBQconst). */
export function resultOp(text: string, k = 0): string {
  const res = text.slice(text.indexOf('=>') + 2)
  const ops = [...res.matchAll(/\((\w+)/g)].map((m) => m[1]!)
  const o = ops[k]
  if (!o) throw new Error(`rule ${text}: no result op ${k}`)
  return o
}

/** `(From ...) => (To ...)` (alternations expanded): the value becomes To, keeping args, aux, auxint and type. */
export function same(text: string): RuleDef[] {
  return variants(text).map((t) => {
    const m = /^\((\w+) \.\.\.\) => \((\w+) \.\.\.\)$/.exec(t)
    if (!m) throw new Error(`not a pass-through rule: ${t}`)
    const to = m[2]!
    const def = rule(`(${m[1]} ___)`, ({ v }) => {
      v.op = to
      return v
    })
    return { ...def, text: t }
  })
}

// ---- result types ---------------------------------------------------------------

const fixedTypes = new Map<string, SsaType | null>()

/** gc's fixed result type of an op (`Flags`, `(Int64,Int64)`, `Mem`…), or null when the rule must give one. */
export function fixedType(opName: string): SsaType | null {
  let t = fixedTypes.get(opName)
  if (t === undefined) {
    const s = opInfo(opName, 'amd64').typ
    if (!s) t = null
    else if (s.startsWith('(')) t = results(s.slice(1, -1).split(',').map((p) => namedType(p.trim())))
    else if (s === 'Int128') t = parseType('int128')
    else t = namedType(s === 'Uint64' ? 'UInt64' : s === 'Uint32' ? 'UInt32' : s)
    fixedTypes.set(opName, t)
  }
  return t
}

/** Sub-results (not the top, which keeps v's type) without `<t>` get the op's fixed type. */
function typedResult<N extends Node | null | undefined | false>(n: N): N {
  if (!(n instanceof Make)) return n
  const fill = (x: Node): Node => {
    if (!(x instanceof Make)) return x
    const type = x.fields.type ?? fixedType(x.op)
    if (!type) throw new Error(`rule result ${x.op} needs a type`)
    return new Make(x.op, { ...x.fields, type }, x.args.map(fill))
  }
  return new Make(n.op, n.fields, n.args.map(fill)) as N
}

/** Make a result tree's values in b (children first), untyped ones with their op's fixed type: block controls. */
export function make(f: Func, b: Block, n: Node, pos: Value['pos']): Value {
  if (!(n instanceof Make)) return n
  const args = n.args.map((a) => make(f, b, a, pos))
  const type = n.fields.type ?? fixedType(n.op)
  if (!type) throw new Error(`result ${n.op} needs a type`)
  const auxInt = n.fields.auxInt === undefined ? 0n : toAuxInt(n.op, n.fields.auxInt, f.arch)
  return f.newValue(n.fields.block ?? b, n.op, type, args, auxInt, n.fields.aux ?? null, pos)
}


// ---- block rules -----------------------------------------------------------------

export interface BlockDef {
  kind: string
  text: string
  apply(b: Block, env: RuleEnv): boolean
}

/** What a block rule's result does to the block. */
export type BlockResult =
  /** `(KIND ctrl… yes no)`: new kind and controls (values, or result trees made in b at the old control's position). */
  | { kind: string; controls: Node[]; aux?: Block['aux'] }
  /** `(First yes no)`, or `(First no yes)` with swap. */
  | { first: true; swap: boolean }

/** gc's swapSuccessors: exchange the two edges and flip the likely hint. */
function swapSuccessors(b: Block): void {
  b.succs.reverse()
  b.likely = (b.likely === 0 ? 0 : -b.likely) as Block['likely']
}

function applyResult(b: Block, r: BlockResult): void {
  const f = b.func
  if ('first' in r) {
    b.kind = 'First'
    b.setControl(null)
    b.aux = null
    if (r.swap) swapSuccessors(b)
    return
  }
  // New control values take the position of the control they replace, else the block's (as rulegen does).
  const cs = r.controls.map((n, i) => make(f, b, n, b.controls[i]?.pos ?? b.pos))
  for (const c of b.controls) c.uses--
  b.controls = cs
  for (const c of cs) c.uses++
  b.kind = r.kind
  b.aux = r.aux ?? null
}

/** `(KIND ctrl yes no)`: the kind and control pattern text of a block rule's left side. */
function leftSide(text: string): { kind: string; ctrl: string } {
  const m = /^\((\w+) /.exec(text)
  if (!m) throw new Error(`block rule ${text}: no kind`)
  let i = m[0].length
  const word = /^(\w+)(?::|\s|\))/.exec(text.slice(i))
  if (word && text[i + word[1]!.length] !== ':') return { kind: m[1]!, ctrl: word[1]! }
  const start = i
  for (let depth = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) break
  }
  return { kind: m[1]!, ctrl: text.slice(start, i + 1) }
}

/**
 * Block rules in gc's notation (alternations expanded). The control is
 * matched like a value rule's left side; `result` gets its bindings and the
 * variant's index and says what the block becomes (or null: no match).
 */
export function blockRules(text: string, result: (m: Match, i: number) => BlockResult | null | false, keep: (i: number) => boolean = () => true): BlockDef[] {
  return variants(text).flatMap((t, i): BlockDef[] => {
    if (!keep(i)) return []
    const { kind, ctrl } = leftSide(t)
    // In a block rule's bindings, `b` is the block being rewritten (not the control's block).
    let match: (c: Value, env: RuleEnv, b: Block) => BlockResult | null
    if (!ctrl.startsWith('(') && !ctrl.includes(':')) {
      match = (c, env, b) => result({ [ctrl]: c, v: c, b, env } as Match, i) || null
    } else {
      // The control is matched by a value rule whose result is the control itself (no
      // change); the block's result is decided inside, so a failed condition backtracks.
      let got: BlockResult | null = null
      let block: Block | null = null
      const def = rule(parsable(ctrl), (m) => {
        got = result({ ...m, b: block! }, i) || null
        return got && m.v
      })
      // One ValueRule (and so one matcher) per pass and arch, not one per match.
      let vr: ValueRule | null = null
      let vrEnv: RuleEnv | null = null
      match = (c, env, b) => {
        got = null
        block = b
        if (vr === null || vrEnv!.pass !== env.pass || vrEnv!.arch !== env.arch) {
          vr = valueRule(def, env)
          vrEnv = env
        }
        return vr.apply(c, c.block.func) ? got : null
      }
    }
    return [{
      kind,
      text: t,
      apply(b, env) {
        if (b.kind !== kind) return false
        const c = b.controls[0]
        if (!c) return false
        const r = match(c, env, b)
        if (!r) return false
        applyResult(b, r)
        return true
      },
    }]
  })
}
