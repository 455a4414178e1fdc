package p

import (
	"fmt"
	"sort"
	"strings"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

// Keys: a generic function over a map (gc compiles a shaped instantiation).
func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Report: imports, strings, maps, an interface call, a generic instantiation, a closure.
func Report(shapes map[string]Shape) string {
	names := Keys(shapes)
	sort.Strings(names)
	var b strings.Builder
	total := 0.0
	for _, n := range names {
		a := shapes[n].Area()
		total += a
		fmt.Fprintf(&b, "%s=%.1f ", n, a)
	}
	add := func(s string) { b.WriteString(s) }
	add(fmt.Sprint(total))
	return b.String()
}
