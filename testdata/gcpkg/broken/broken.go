// Package broken does not compile: the gc bridge shows gc's own message.
package broken

func F() int {
	return missing
}
