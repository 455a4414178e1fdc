// The Go programs SSA construction is tested on: the escape corpus, the SSA
// corpus and the bundled examples (the same list `ssascope fidelity` scores).

import { ssaCorpusFiles } from '../../src-main/fidelity/ssa'

export const ssaCorpus: string[] = ssaCorpusFiles()
