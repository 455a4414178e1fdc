// tree-sitter's tree copied into flat arrays in one cursor walk, behind the
// few Node members the converter (parse.ts) uses. Each web-tree-sitter Node
// property is a call into wasm that marshals the node; on an 8 MB file that
// was most of the parse. Here each node is read once, and the converter's
// questions (children, fields, text) are answered in JavaScript.

import type { SourceText } from './source'
import type { SyntaxTree } from './treesitter'

export interface CstNode {
  readonly type: string
  readonly startIndex: number
  readonly endIndex: number
  readonly isNamed: boolean
  readonly text: string
  /** All children, anonymous tokens included. */
  readonly children: CstNode[]
  readonly namedChildren: CstNode[]
  childForFieldName(name: string): CstNode | null
  childrenForFieldName(name: string): CstNode[]
  readonly previousSibling: CstNode | null
  readonly startPosition: { row: number }
  readonly endPosition: { row: number }
}

const NONE = -1
const NO_FIELD = 0

export class FlatTree {
  private typeId: Uint16Array
  private start: Int32Array
  private end: Int32Array
  private field: Uint16Array
  private named: Uint8Array
  private first: Int32Array
  private next: Int32Array
  private prev: Int32Array
  private size = 0
  private readonly typeNames: string[]
  private readonly fieldIds = new Map<string, number>()

  constructor(
    tree: SyntaxTree,
    private readonly source: SourceText,
    /** Called every few thousand nodes (cancellation). */
    onProgress?: () => void,
  ) {
    const cap = 1024
    this.typeId = new Uint16Array(cap)
    this.start = new Int32Array(cap)
    this.end = new Int32Array(cap)
    this.field = new Uint16Array(cap)
    this.named = new Uint8Array(cap)
    this.first = new Int32Array(cap)
    this.next = new Int32Array(cap)
    this.prev = new Int32Array(cap)
    const language = tree.language
    this.typeNames = language.types
    for (let id = 1; id < language.fieldCount + 1; id++) {
      const name = language.fieldNameForId(id)
      if (name) this.fieldIds.set(name, id)
    }
    // Whether a type is named depends on the type alone (ERROR included): asked once per type.
    const namedTypes = new Int8Array(0x10000).fill(-1)
    const cursor = tree.walk()
    try {
      // lastChild[d]: the previous node seen at depth d under the current parent.
      const parents: number[] = [NONE]
      const lastChild: number[] = [NONE]
      for (;;) {
        const type = cursor.nodeTypeId
        let named = namedTypes[type]!
        if (named < 0) named = namedTypes[type] = language.nodeTypeIsNamed(type) ? 1 : 0
        const i = this.add(type, cursor.startIndex, cursor.endIndex, cursor.currentFieldId, named)
        const d = parents.length - 1
        const parent = parents[d]!
        const last = lastChild[d]!
        if (parent !== NONE) {
          if (last === NONE) this.first[parent] = i
          else {
            this.next[last] = i
            this.prev[i] = last
          }
        }
        lastChild[d] = i
        if ((i & 0xfff) === 0) onProgress?.()
        if (cursor.gotoFirstChild()) {
          parents.push(i)
          lastChild.push(NONE)
          continue
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return
          parents.pop()
          lastChild.pop()
        }
      }
    } finally {
      cursor.delete()
    }
  }

  get root(): CstNode {
    return new FlatNode(this, 0)
  }

  private add(type: number, start: number, end: number, field: number, named: number): number {
    if (this.size === this.typeId.length) this.grow()
    const i = this.size++
    this.typeId[i] = type
    this.start[i] = start
    this.end[i] = end
    this.field[i] = field
    this.named[i] = named
    this.first[i] = NONE
    this.next[i] = NONE
    this.prev[i] = NONE
    return i
  }

  private grow(): void {
    const n = this.typeId.length * 2
    const g = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a)
      return b
    }
    this.typeId = g(this.typeId, (k) => new Uint16Array(k))
    this.start = g(this.start, (k) => new Int32Array(k))
    this.end = g(this.end, (k) => new Int32Array(k))
    this.field = g(this.field, (k) => new Uint16Array(k))
    this.named = g(this.named, (k) => new Uint8Array(k))
    this.first = g(this.first, (k) => new Int32Array(k))
    this.next = g(this.next, (k) => new Int32Array(k))
    this.prev = g(this.prev, (k) => new Int32Array(k))
  }

  // ------------------------------------------------------------ what FlatNode asks

  typeOf(i: number): string {
    return this.typeNames[this.typeId[i]!] || 'ERROR'
  }
  startOf(i: number): number {
    return this.start[i]!
  }
  endOf(i: number): number {
    return this.end[i]!
  }
  isNamed(i: number): boolean {
    return this.named[i] === 1
  }
  textOf(i: number): string {
    return this.source.text.slice(this.start[i], this.end[i])
  }
  rowOf(offset: number): number {
    return this.source.position(offset).line - 1
  }
  previous(i: number): number {
    return this.prev[i]!
  }

  children(i: number, named: boolean, field = NO_FIELD): CstNode[] {
    const out: CstNode[] = []
    for (let c = this.first[i]!; c !== NONE; c = this.next[c]!) {
      if (named && this.named[c] !== 1) continue
      if (field !== NO_FIELD && this.field[c] !== field) continue
      out.push(new FlatNode(this, c))
    }
    return out
  }

  childForField(i: number, name: string): CstNode | null {
    const field = this.fieldIds.get(name)
    if (field === undefined) return null
    for (let c = this.first[i]!; c !== NONE; c = this.next[c]!) if (this.field[c] === field) return new FlatNode(this, c)
    return null
  }

  fieldId(name: string): number | undefined {
    return this.fieldIds.get(name)
  }
}

class FlatNode implements CstNode {
  constructor(
    private readonly t: FlatTree,
    private readonly i: number,
  ) {}

  get type(): string {
    return this.t.typeOf(this.i)
  }
  get startIndex(): number {
    return this.t.startOf(this.i)
  }
  get endIndex(): number {
    return this.t.endOf(this.i)
  }
  get isNamed(): boolean {
    return this.t.isNamed(this.i)
  }
  get text(): string {
    return this.t.textOf(this.i)
  }
  get children(): CstNode[] {
    return this.t.children(this.i, false)
  }
  get namedChildren(): CstNode[] {
    return this.t.children(this.i, true)
  }
  childForFieldName(name: string): CstNode | null {
    return this.t.childForField(this.i, name)
  }
  childrenForFieldName(name: string): CstNode[] {
    const field = this.t.fieldId(name)
    return field === undefined ? [] : this.t.children(this.i, false, field)
  }
  get previousSibling(): CstNode | null {
    const p = this.t.previous(this.i)
    return p === NONE ? null : new FlatNode(this.t, p)
  }
  get startPosition(): { row: number } {
    return { row: this.t.rowOf(this.startIndex) }
  }
  get endPosition(): { row: number } {
    return { row: this.t.rowOf(this.endIndex) }
  }
}
