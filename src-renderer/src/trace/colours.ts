// The sticky colours (style.css: --pin-0 … --pin-7): pinned values, and the
// groups of slots that share memory, take them in turn.

export const PIN_COLOURS = 8
