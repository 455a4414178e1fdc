// The theme's CSS variables as values, for what cannot read CSS (Cytoscape's canvas).

export function themeColour(name: string, fallback = '#888'): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return v || fallback
}
