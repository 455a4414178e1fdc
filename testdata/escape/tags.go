// Package tags exercises the "mutator" and "callee" parts of param tags.
//
// Rules exercised:
//   - besides heap and result flows, a param tag records the deref count of
//     flows to the mutator (pointer operand of an indirect store: *p = v,
//     p.f = v, s[i] = v, copy dst, append appendee) and to the callee
//     (operand of a call through a func value).
//   - these flows do not make anything escape: under -m they print as
//     "p does not escape". With -d=escapemutationscalls gc prints
//     "mutates param: p derefs=N", "calls param: f derefs=N" or
//     "p does not escape, mutate, or call" (see tags.mc.golden).
//   - callers apply the callee's mutator/callee tags like other tags.
//   - a callee flow is only recorded when the call's (pointer) result is
//     used: calling f() and discarding the result records nothing.
//   - a heap leak with derefs <= N hides the mutator/callee flows.
package tags

type holder struct {
	fn  func() *int
	val *int
}

var sink *int

// mutates: *p = 1; gc: p does not escape (mutates param: p derefs=0).
func mutates(p *int) {
	*p = 1
}

// mutatesDeep: **pp = 1; gc: pp does not escape (mutates param: pp derefs=1).
func mutatesDeep(pp **int) {
	**pp = 1
}

// calls: returns f(); gc: f does not escape (calls param: f derefs=0).
func calls(f func() *int) *int {
	return f()
}

// callsDiscard: f() with its result dropped; gc: f does not escape (no callee flow at all).
func callsDiscard(f func() *int) {
	f()
}

// callsField: returns h.fn(); gc: h does not escape (calls param: h derefs=1).
func callsField(h *holder) *int {
	return h.fn()
}

// storesField: h.val = nil; gc: h does not escape (mutates param: h derefs=0).
func storesField(h *holder) {
	h.val = nil
}

// indexStore: s[0] = 2; gc: s does not escape (mutates param: s derefs=0).
func indexStore(s []int) {
	s[0] = 2
}

// copyDst: copy(dst, src); gc: dst and src do not escape (dst mutated, src pure).
func copyDst(dst, src []int) int {
	return copy(dst, src)
}

// forwardMutate: passes p to mutates; gc: p does not escape (mutates via the callee's tag).
func forwardMutate(p *int) {
	mutates(p)
}

// forwardCall: passes f to calls, result dropped; gc: f does not escape (calls param via the callee's tag).
func forwardCall(f func() *int) {
	calls(f)
}

// pure: only reads; gc: p does not escape (does not escape, mutate, or call).
func pure(p *int) int {
	return *p
}

// leaksAndMutates: *p = 2 then p to the heap; gc: leaking param: p only (mutator flow dropped).
func leaksAndMutates(p *int) {
	*p = 2
	sink = p
}

// callsAndMutates: writes through h and returns h.fn(); gc: h does not escape (mutates derefs=0, calls derefs=1).
func callsAndMutates(h *holder) *int {
	h.val = nil
	return h.fn()
}
