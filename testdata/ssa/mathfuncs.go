package p

import "math"

// The math functions gc 1.26 intrinsifies on amd64 and ppc64; amd64 at
// GOAMD64=v1 tests SSE4.1 and FMA support first and calls the Go code
// without it.

func floor(x float64) float64 { return math.Floor(x) }
func ceil(x float64) float64  { return math.Ceil(x) }
func trunc(x float64) float64 { return math.Trunc(x) }
func fma(x, y, z float64) float64 { return math.FMA(x, y, z) }

func roundDown(x, unit float64) float64 { return math.Floor(x/unit) * unit }

func frac(x float64) float64 { return x - math.Trunc(x) }

func ceilDiv(a, b float64) int { return int(math.Ceil(a / b)) }

func circle(r float64) float64 { return math.Pi * r * r }

func clamp(x int64) int64 {
	if x > math.MaxInt32 {
		return math.MaxInt32
	}
	if x < math.MinInt32 {
		return math.MinInt32
	}
	return x
}

// Horner's rule with fused multiply-adds.
func poly(x float64, c []float64) float64 {
	s := 0.0
	for _, k := range c {
		s = math.FMA(s, x, k)
	}
	return s
}

func floors(a []float64) {
	for i := range a {
		a[i] = math.Floor(a[i])
	}
}

// Constant operands fold in opt (the amd64 feature test stays).
func foldedFloor() float64 { return math.Floor(2.5) + math.Ceil(-1.5) + math.Trunc(-7.9) }
