// Every test runs the SSA checker after every pass, as gc's -d=ssa/check/on:
// the user's runs leave it off (it costs as much as several passes), tests
// never do. SSASCOPE_CHECK (vitest.config.mts) turns it on in the worker
// threads and services the tests start, this in the test files themselves.
import { setCheckByDefault } from '../src-main/compiler/ssa/compile'

setCheckByDefault(true)
