// The bridge to the real gc: SSA text dumps and what we read from them.

export { parseSsaDump, parseGossafuncStdout, formatSsaDump, type DumpFunc, type DumpBlock, type DumpValue } from './ssadump'
export { gcSsaDumps, gcFuncNames, type GcSsaDumps, type GcSsaOptions } from './gcssa'
export { allocationCalls, type AllocCall, type AllocMember } from './allocs'
export { compareListings, normalized, parseGcListing, type Comparison, type GcListing } from './listing'
export { defaultGoBin, findGo, goEnv, goRoot, ImportConfigs, importPaths, MIN_GO_MINOR, MODELLED_GO_MINOR, parseGcOutput, parseGoVersion, run, formatGcLine, type GcLine, type GoToolchain, type RunResult, type RunOptions } from './toolchain'
export { importSsaHtml, SsaHtmlError, type ImportedTrace, type ImportOptions, type SourceLines } from './ssahtml'
