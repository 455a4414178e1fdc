// What PPC64.rules' notation needs beyond the shared rule DSL:
//   - gc's lockstep alternations: `(Eq(32|64|Ptr) x y) => (Equal ((CMPW|CMP|CMP) x y))`
//     is three rules; the build function gets the words each variant chose;
//   - `(Add64 ...) => (ADD ...)`: the value keeps args, aux, auxint and type;
//   - block rules with a control pattern in the same language as value rules.
// Patterns must be parsed inside withRuleArch('ppc64', …) (see index.ts).

import type { Block, Func, Value } from '../../func'
import type { ValueRule } from '../../rewrite'
import { opInfo } from '../../opinfo'
import { blockRule, Make, namedType, rule, toAuxInt, valueRule, type Match, type Node, type RuleDef, type RuleEnv } from '../dsl'

export type Alt = string[]

/** One group of alternatives: `(a|b|c)` with no spaces or brackets inside. */
const GROUP = /\(([^()\s|[\]]*(?:\|[^()\s|[\]]*)+)\)/

/** gc's rule variants: every `(a|b|…)` group advances in lockstep. */
export function variants(text: string): { text: string; alt: Alt }[] {
  const groups: string[][] = []
  let rest = text
  let m: RegExpExecArray | null
  const parts: string[] = []
  while ((m = GROUP.exec(rest))) {
    parts.push(rest.slice(0, m.index))
    groups.push(m[1]!.split('|'))
    rest = rest.slice(m.index + m[0].length)
  }
  parts.push(rest)
  if (groups.length === 0) return [{ text, alt: [] }]
  const n = groups[0]!.length
  if (groups.some((g) => g.length !== n)) throw new Error(`rule ${text}: alternations of different lengths`)
  return Array.from({ length: n }, (_, i) => {
    const alt = groups.map((g) => g[i]!)
    return { text: parts.map((p, k) => p + (k < alt.length ? alt[k] : '')).join(''), alt }
  })
}

/** A rule in gc's notation, alternations expanded; `build` also gets the chosen words. */
export function rules<B = Match>(text: string, build: (m: B, alt: Alt) => Node | null | undefined | false): RuleDef[] {
  return variants(text).map(({ text: t, alt }) => rule<B>(t, (m) => build(m, alt)))
}

/**
 * `(From ...) => (To ...)` for each pair of gc's alternation: the value turns
 * into To keeping everything else (gc sets v.Op and nothing more).
 */
export function same(text: string): RuleDef[] {
  return variants(text).map(({ text: t }) => {
    const m = /^\((\w+) \.\.\.\) => \((\w+) \.\.\.\)$/.exec(t)
    if (!m) throw new Error(`not a pass-through rule: ${t}`)
    const [, from, to] = m as unknown as [string, string, string]
    const def = rule(`(${from} ___)`, ({ v }) => {
      v.op = to
      return v
    })
    return { ...def, text: t }
  })
}

// ---- creating values outside value rules ---------------------------------------

/** The op's fixed result type, as rulegen uses for a result without `<t>`. */
export function fixedType(opName: string, arch: string) {
  const t = opInfo(opName, arch).typ
  if (!t) throw new Error(`result ${opName} needs a type`)
  return namedType(t)
}

/** Make the values of a result tree in block b (children first), at position pos. */
export function build(f: Func, b: Block, n: Node, pos: Value['pos']): Value {
  if (!(n instanceof Make)) return n
  const args = n.args.map((a) => build(f, b, a, pos))
  const type = n.fields.type ?? fixedType(n.op, f.arch)
  const auxInt = n.fields.auxInt === undefined ? 0n : toAuxInt(n.op, n.fields.auxInt, f.arch)
  return f.newValue(n.fields.block ?? b, n.op, type, args, auxInt, n.fields.aux ?? null, pos)
}

// ---- block rules ---------------------------------------------------------------------

export type BlockRuleDef = ReturnType<typeof blockRule>

/** What a block rule's action can do. */
export interface BlockEdit {
  b: Block
  /** `(KIND ctrl yes no)`: new kind and control (a value, or a result tree made in b). */
  reset(kind: string, ctrl: Node): true
  /** `(First yes no)` / `(First no yes)`. */
  first(swap: boolean): true
}

function swapSuccessors(b: Block): void {
  b.succs.reverse()
  b.likely = (b.likely === 0 ? 0 : -b.likely) as Block['likely']
}

function edit(b: Block): BlockEdit {
  return {
    b,
    reset(kind, ctrl) {
      const pos = b.controls[0]?.pos ?? b.pos
      const c = build(b.func, b, ctrl, pos)
      b.kind = kind
      b.setControl(c)
      return true
    },
    first(swap) {
      b.kind = 'First'
      b.setControl(null)
      if (swap) swapSuccessors(b)
      return true
    },
  }
}

/** `(KIND ctrl yes no)`: kind and control pattern text of a block rule's left side. */
function leftSide(text: string): { kind: string; ctrl: string } {
  const m = /^\((\w+) /.exec(text)
  if (!m) throw new Error(`block rule ${text}: no kind`)
  let i = m[0].length
  if (text[i] !== '(') return { kind: m[1]!, ctrl: /^\w+/.exec(text.slice(i))![0] }
  const start = i
  for (let depth = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) break
  }
  return { kind: m[1]!, ctrl: text.slice(start, i + 1) }
}

/**
 * Block rules in gc's notation (alternations expanded). The control is
 * matched like a value rule's left side; `apply` gets its bindings.
 */
export function blockRules(text: string, apply: (e: BlockEdit, m: Match, alt: Alt) => boolean): BlockRuleDef[] {
  return variants(text).map(({ text: t, alt }) => {
    const { kind, ctrl } = leftSide(t)
    let match: (c: Value, env: RuleEnv) => Match | null
    if (!ctrl.startsWith('(')) {
      match = (c) => ({ [ctrl]: c }) as Match
    } else {
      let got: Match | null = null
      const def = rule(ctrl, (m) => {
        got = m
        return null
      })
      // One ValueRule (and so one matcher) per pass and arch, not one per match.
      let vr: ValueRule | null = null
      let vrEnv: RuleEnv | null = null
      match = (c, env) => {
        got = null
        if (vr === null || vrEnv!.pass !== env.pass || vrEnv!.arch !== env.arch) {
          vr = valueRule(def, env)
          vrEnv = env
        }
        vr.apply(c, c.block.func)
        return got
      }
    }
    return blockRule(t, (b, env) => {
      if (b.kind !== kind) return false
      const c = b.controls[0]
      if (!c) return false
      const m = match(c, env)
      return m !== null && apply(edit(b), m, alt)
    })
  })
}
