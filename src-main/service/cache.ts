// Bounded caches keyed by a source file (path and text) and an entry within
// it: the worker keeps recent programs and traces in them, the service
// recent encoded results. Texts are up to 8 MB, so they are never hashed or
// concatenated into keys: entries are grouped by path, and a text is compared
// only with the few texts seen for that path (equal strings of equal length:
// a memory compare). Least recently used entries go first when the weight of
// all entries (plus, optionally, of the texts they keep) is over the budget.

interface Group<V> {
  path: string
  text: string
  entries: Map<string, Entry<V>>
}

interface Entry<V> {
  group: Group<V>
  key: string
  value: V
  weight: number
}

export interface SourceCacheOptions {
  /** The most weight kept; an entry heavier than this alone is not kept at all. */
  budget: number
  /** The weight a kept text adds (once per distinct path and text); default none. */
  textWeight?: (text: string) => number
}

export class SourceCache<V> {
  private readonly byPath = new Map<string, Group<V>[]>()
  /** All entries, least recently used first (a Map iterates in insertion order). */
  private readonly lru = new Map<Entry<V>, true>()
  private total = 0

  constructor(private readonly options: SourceCacheOptions) {}

  get(path: string, text: string, key = ''): V | undefined {
    const entry = this.group(path, text)?.entries.get(key)
    if (!entry) return undefined
    this.lru.delete(entry)
    this.lru.set(entry, true)
    return entry.value
  }

  /** Keeps value (replacing what the key had), then evicts the least recently used until within the budget. */
  set(path: string, text: string, key: string, value: V, weight = 1): void {
    if (weight > this.options.budget) return
    let group = this.group(path, text)
    if (!group) {
      group = { path, text, entries: new Map() }
      const groups = this.byPath.get(path) ?? []
      groups.push(group)
      this.byPath.set(path, groups)
      this.total += this.options.textWeight?.(text) ?? 0
    }
    let entry = group.entries.get(key)
    if (entry) {
      this.total += weight - entry.weight
      entry.value = value
      entry.weight = weight
      this.lru.delete(entry)
    } else {
      entry = { group, key, value, weight }
      group.entries.set(key, entry)
      this.total += weight
    }
    this.lru.set(entry, true)
    for (const oldest of this.lru.keys()) {
      if (this.total <= this.options.budget || oldest === entry) break
      this.remove(oldest)
    }
  }

  /** Entries kept, over all sources. */
  get size(): number {
    return this.lru.size
  }

  /** Weight kept, entries and texts. */
  get weight(): number {
    return this.total
  }

  clear(): void {
    this.byPath.clear()
    this.lru.clear()
    this.total = 0
  }

  private group(path: string, text: string): Group<V> | undefined {
    return this.byPath.get(path)?.find((g) => g.text.length === text.length && g.text === text)
  }

  private remove(entry: Entry<V>): void {
    const g = entry.group
    g.entries.delete(entry.key)
    this.lru.delete(entry)
    this.total -= entry.weight
    if (g.entries.size > 0) return
    const rest = this.byPath.get(g.path)!.filter((x) => x !== g)
    if (rest.length) this.byPath.set(g.path, rest)
    else this.byPath.delete(g.path)
    this.total -= this.options.textWeight?.(g.text) ?? 0
  }
}

/**
 * Roughly what a plain-data value (JSON-like: objects, arrays, strings,
 * numbers) occupies in memory, without visiting every element of an array of
 * numbers. For budgets, not accounting.
 */
export function approxBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length
  if (typeof value !== 'object' || value === null) return 8
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'number') return 16 + 8 * value.length
    let n = 16 + 8 * value.length
    for (const x of value) n += typeof x === 'object' && x !== null ? approxBytes(x) : typeof x === 'string' ? 16 + 2 * x.length : 0
    return n
  }
  let n = 32
  for (const k in value) n += 8 + approxBytes((value as Record<string, unknown>)[k])
  return n
}
