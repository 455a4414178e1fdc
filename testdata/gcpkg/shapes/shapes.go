// Package shapes is a small real package outside ssascope's embedded subset:
// imports, strings, maps, interfaces, generics, closures and methods. The gc
// bridge tests and the e2e spec open it with the real compiler.
package shapes

import (
	"fmt"
	"sort"
	"strings"
)

// Shape is implemented by Rect and Circle.
type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

// Number is the constraint of Sum.
type Number interface {
	~int | ~int64 | ~float64
}

// Sum adds up a slice of any number type.
func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Index maps each word to the positions it appears at.
func Index(text string) map[string][]int {
	idx := make(map[string][]int)
	for i, w := range strings.Fields(text) {
		w = strings.ToLower(w)
		idx[w] = append(idx[w], i)
	}
	return idx
}

// Describe names every shape with its area, largest first.
func Describe(shapes []Shape) string {
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() > shapes[j].Area() })
	var b strings.Builder
	for _, s := range shapes {
		fmt.Fprintf(&b, "%s=%.1f;", s.Name(), s.Area())
	}
	return b.String()
}

// Total sums the areas and counts words, using the generic Sum twice.
func Total(shapes []Shape, text string) (float64, int) {
	areas := make([]float64, 0, len(shapes))
	for _, s := range shapes {
		areas = append(areas, s.Area())
	}
	counts := []int{}
	for _, pos := range Index(text) {
		counts = append(counts, len(pos))
	}
	return Sum(areas), Sum(counts)
}

type cells struct {
	x [10]int
	f float64
}

// Phases has two 88-byte locals that are never live at the same time:
// gc's mergelocals gives them one stack slot.
func Phases(c bool, i, j int) int {
	var a cells
	a.x[i&3] = j
	if c {
		a.x[(i+1)&3] = 3
	}
	r := a.x[j&3]
	var b cells
	b.x[i&3] = r
	return b.x[(j+1)&3]
}

// Stack is a generic type; its methods are compiled once per shape.
type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

// Words pushes the words of text on a Stack[string] and pops them back reversed.
func Words(text string) []string {
	var s Stack[string]
	for _, w := range strings.Fields(text) {
		s.Push(w)
	}
	var out []string
	for {
		w, ok := s.Pop()
		if !ok {
			return out
		}
		out = append(out, w)
	}
}
