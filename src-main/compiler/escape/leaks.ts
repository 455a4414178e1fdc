// Parameter leak tags, as gc stores them in export data: 8 slots (heap,
// mutator, callee, results 0–4), each the minimum derefs + 1 (0 = no flow),
// saturating at 255.

const HEAP = 0
const MUTATOR = 1
const CALLEE = 2
const RESULT0 = 3
export const NUM_RESULT_SLOTS = 8 - RESULT0

export class Leaks {
  private readonly slots = new Uint8Array(8)

  heap(): number {
    return this.get(HEAP)
  }
  mutator(): number {
    return this.get(MUTATOR)
  }
  callee(): number {
    return this.get(CALLEE)
  }
  result(i: number): number {
    return this.get(RESULT0 + i)
  }

  addHeap(derefs: number): void {
    this.add(HEAP, derefs)
  }
  addMutator(derefs: number): void {
    this.add(MUTATOR, derefs)
  }
  addCallee(derefs: number): void {
    this.add(CALLEE, derefs)
  }
  addResult(i: number, derefs: number): void {
    this.add(RESULT0 + i, derefs)
  }

  /** Any flow at all: heap, mutator, callee or a result. */
  any(): boolean {
    return this.slots.some((v) => v !== 0)
  }

  /** Drops flows made redundant by a heap flow with no more derefs. */
  optimize(): void {
    const heap = this.heap()
    if (heap < 0) return
    for (let i = 1; i < this.slots.length; i++) if (this.get(i) >= heap) this.slots[i] = 0
  }

  /** gc's export encoding: "" for a heap leak at derefs 0, else "esc:" + bytes without trailing zeros. */
  encode(): string {
    if (this.heap() === 0) return ''
    let n = this.slots.length
    while (n > 0 && this.slots[n - 1] === 0) n--
    return 'esc:' + String.fromCharCode(...this.slots.subarray(0, n))
  }

  static decode(tag: string): Leaks {
    const l = new Leaks()
    if (!tag.startsWith('esc:')) {
      l.addHeap(0) // untagged (e.g. body-less) parameters leak to the heap
      return l
    }
    for (let i = 0; i < Math.min(8, tag.length - 4); i++) l.slots[i] = tag.charCodeAt(4 + i) & 0xff
    return l
  }

  copyFrom(other: Leaks): void {
    this.slots.set(other.slots)
  }

  clone(): Leaks {
    const l = new Leaks()
    l.slots.set(this.slots)
    return l
  }

  private get(i: number): number {
    return this.slots[i]! - 1
  }

  private add(i: number, derefs: number): void {
    const old = this.get(i)
    if (old < 0 || derefs < old) {
      if (derefs < 0) throw new Error(`invalid derefs count ${derefs}`)
      this.slots[i] = Math.min(derefs + 1, 255)
    }
  }
}
