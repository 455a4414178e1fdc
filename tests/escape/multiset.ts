// Multiset comparison of report lines, for tests against gc's output.

/** Lines only in a (with -) or only in b (with +), as multisets. */
export function multisetDiff(a: string[], b: string[]): string[] {
  const count = new Map<string, number>()
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1)
  for (const l of b) count.set(l, (count.get(l) ?? 0) - 1)
  const out: string[] = []
  for (const [l, n] of count) {
    for (let i = 0; i < n; i++) out.push(`- ${l}`)
    for (let i = 0; i < -n; i++) out.push(`+ ${l}`)
  }
  return out.sort((x, y) => x.slice(2).localeCompare(y.slice(2)))
}

