// Each file has its own imports: both files import unsafe (one file scope
// each, so neither import is redeclared nor unused).
package unsafeptr

import "unsafe"

type pair struct{ a, b int64 }

func offsetB() uintptr { return unsafe.Offsetof(pair{}.b) }

func addr(p *pair) unsafe.Pointer { return unsafe.Pointer(&p.b) }
