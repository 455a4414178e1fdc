// go statements as ssagen builds them (callGo): runtime.newproc with the
// function value, whose closure record escapes to the heap. Calls with
// arguments go through gc's wrapper closure (F.gowrapN) and are refused at
// SSA construction for now.
package gos

var g int

var hook func()

func bump() { g++ }

// A declared function: its ·f closure symbol.
func spawn() { go bump() }

// A literal capturing a parameter: a heap closure record.
func spawnLit(c chan int) {
	go func() { c <- 1 }()
}

// A literal without captures: its ·f symbol.
func spawnPlain() {
	go func() { g = 1 }()
}

// A func-typed parameter and a global func variable.
func spawnVar(f func()) {
	go f()
	g = 2
}

func spawnHook() {
	go hook()
}

// In a loop, capturing the per-iteration variable.
func spawnMany(n int, out []int) {
	for i := 0; i < n; i++ {
		go func() { out[i] = i }()
	}
}

// go and an open-coded defer in one function.
func both(c chan int) {
	defer bump()
	go func() { <-c }()
}

func set(x int) { g = x }

// With arguments: gc's wrapper closure gowrap1 holds them on the heap (the wrapper function itself is not built here).
func spawnArgs(x int) {
	go set(x * 3)
}

func spawnFunc(f func(int, int), x int) {
	go f(x, 7)
}

// Only constant arguments: the wrapper's ·f symbol.
func spawnConst() {
	go set(1)
}
