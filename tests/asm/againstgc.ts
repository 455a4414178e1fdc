// One Go file through gc (`go tool compile -l -S`, -m=2) and through ours,
// compared by the fuzzer's verdict: the end-to-end check the listing tests share.

import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { requireGo } from '../go-toolchain'

export async function againstGc(name: string, text: string): Promise<{ us: OurResult; v: Verdict }> {
  requireGo()
  const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
  const us = await ours(`./${name}`, text)
  return { us, v: verdict(gcFacts(gc), us) }
}
