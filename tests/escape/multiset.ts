// Multiset comparison of report lines, for tests against gc's output.

import { dropInterfaceWrapperLines } from '../../src-main/gcbridge/wrappers'
import { formatGcLine, parseGcOutput } from '../../src-main/gcbridge/toolchain'

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


/**
 * gc's lines without the -m=2 explanations of the interface method wrappers
 * (`I.M`) gc analyses for every interface type: we do not model those
 * wrappers and the fidelity count does not count their lines either (see
 * src-main/gcbridge/wrappers.ts).
 */
export function withoutInterfaceWrappers(lines: string[]): string[] {
  return dropInterfaceWrapperLines(parseGcOutput(lines.join('\n'))).map(formatGcLine)
}
