// gc's pair pass (ssa/pair.go) fuses neighbouring loads and stores into the
// two-register LDP/STP instructions. gc runs it on arm64 only; on every other
// architecture, including amd64 and ppc64, it returns at once, so here it
// changes nothing.

import type { Func } from '../func'

/** Architectures whose memory ops gc pairs. We model none of them. */
const PAIRING_ARCHES = new Set(['arm64'])

export function pair(f: Func): void {
  if (!PAIRING_ARCHES.has(f.arch)) return
  throw new Error(`pair: load/store pairing on ${f.arch} is not modelled`)
}
