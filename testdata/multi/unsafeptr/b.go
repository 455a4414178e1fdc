package unsafeptr

import "unsafe"

func second(p *pair) *int64 {
	return (*int64)(unsafe.Add(unsafe.Pointer(p), offsetB()))
}

func size() uintptr { return unsafe.Sizeof(pair{}) }
