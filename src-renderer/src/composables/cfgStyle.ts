// The CFG's Cytoscape stylesheet, in the app's theme (style.css variables,
// read once: a canvas cannot use CSS variables). gc's ssa.html conventions:
// unlikely edges dashed, back edges blue, fall-through edges marked at their
// source once blocks are laid out.

import type { StylesheetJson } from 'cytoscape'
import { BLOCK_H, BLOCK_W } from '../trace/cfg-layout'
import { PIN_COLOURS } from '../stores/selection'

function theme(): (name: string, fallback: string) => string {
  const css = getComputedStyle(document.documentElement)
  return (name, fallback) => css.getPropertyValue(name).trim() || fallback
}

export function cfgStylesheet(): StylesheetJson {
  const v = theme()
  const fg = v('--fg', '#d4d7dd')
  const dim = v('--fg-dim', '#8a909c')
  const accent = v('--accent', '#62b0ff')
  const added = v('--st-added', '#5fbf6a')
  const changed = v('--st-changed', '#e0b050')
  const removed = v('--st-removed', '#e06565')
  const edge = '#7d8494'
  const pins: StylesheetJson = Array.from({ length: PIN_COLOURS }, (_, i) => ({
    selector: `node.pin${i}`,
    style: { 'outline-color': v(`--pin-${i}`, '#ffd866'), 'outline-width': 3, 'outline-offset': 2, 'outline-opacity': 1 },
  }))
  return [
    {
      selector: 'node.block',
      style: {
        shape: 'round-rectangle',
        'corner-radius': '4',
        width: BLOCK_W,
        height: BLOCK_H,
        'background-color': v('--bg-panel', '#1e2128'),
        'border-width': 1,
        'border-color': '#454b58',
        label: 'data(label)',
        color: fg,
        // Cytoscape refuses quoted family names.
        'font-family': v('--mono', 'monospace').replace(/'/g, ''),
        'font-size': 11,
        'text-wrap': 'wrap',
        'line-height': 1.45,
        'text-valign': 'center',
        'text-halign': 'center',
        'min-zoomed-font-size': 7,
        'transition-property': 'opacity',
        'transition-duration': 0,
      },
    },
    { selector: 'node.block.header', style: { 'border-color': accent, 'border-width': 2 } },
    { selector: 'node.block.dead', style: { opacity: 0.5 } },
    { selector: 'node.block.exit', style: { 'background-color': '#23262e', color: dim } },
    { selector: 'node.loop', style: {
      shape: 'round-rectangle',
      'corner-radius': '8',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': accent,
      'background-opacity': 0.045,
      'border-width': 1,
      'border-style': 'dashed',
      'border-color': accent,
      'border-opacity': 0.35,
      events: 'no',
      'z-compound-depth': 'bottom',
      'z-index': 0,
    } },
    { selector: 'node.loop.deep', style: { 'background-opacity': 0.07 } },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': edge,
        'target-arrow-color': edge,
        'source-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'straight',
        'source-endpoint': 'data(se)',
        'target-endpoint': 'data(te)',
        'z-index': 1,
      },
    },
    {
      selector: 'edge.seg',
      style: {
        'curve-style': 'round-segments',
        // The typings lag the library: 'endpoints' measures the bends from the edge's own endpoints.
        'edge-distances': 'endpoints' as 'node-position',
        'segment-weights': 'data(sw)',
        'segment-distances': 'data(sd)',
        'segment-radii': [10],
      },
    },
    {
      selector: 'edge.self',
      style: {
        'curve-style': 'bezier',
        'source-endpoint': 'outside-to-node',
        'target-endpoint': 'outside-to-node',
        'loop-direction': '90deg',
        'loop-sweep': '-70deg',
        'control-point-step-size': 56,
      },
    },
    { selector: 'edge.unlikely', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 4] } },
    { selector: 'edge.likely', style: { width: 1.8 } },
    { selector: 'edge.back', style: { 'line-color': accent, 'target-arrow-color': accent, 'source-arrow-color': accent } },
    { selector: 'edge.ft', style: { 'source-arrow-shape': 'circle' } },
    {
      selector: 'edge.chain',
      style: {
        'curve-style': 'straight',
        'source-endpoint': 'outside-to-node',
        'target-endpoint': 'outside-to-node',
        'line-color': dim,
        'line-style': 'dotted',
        'line-opacity': 0.35,
        width: 1,
        'z-index': 0,
        'target-arrow-shape': 'none',
        events: 'no',
      },
    },
    // Diff against the previous pass (diff mode only).
    { selector: 'node.block.added', style: { 'border-color': added, 'border-width': 2, 'background-color': '#1f2a22' } },
    { selector: 'node.block.changed', style: { 'border-color': changed, 'border-width': 2 } },
    { selector: 'node.block.touched', style: { 'border-color': changed, 'border-style': 'dashed', 'border-width': 1.5 } },
    { selector: 'node.block.removed', style: { 'border-color': removed, 'border-style': 'dashed', 'border-width': 2, opacity: 0.55, color: dim } },
    { selector: 'edge.added', style: { 'line-color': added, 'target-arrow-color': added, 'source-arrow-color': added, width: 2 } },
    { selector: 'edge.removed', style: { 'line-color': removed, 'target-arrow-color': removed, 'source-arrow-color': removed, 'line-style': 'dashed', opacity: 0.7 } },
    ...pins,
    // The selection looks as it does in the listing.
    { selector: 'node.block.holds', style: { 'border-color': accent, 'border-width': 2 } },
    { selector: 'node.block.sel', style: { 'background-color': v('--bg-selected', '#2f3b52'), 'border-color': accent, 'border-width': 2.5, color: v('--fg-strong', '#fff') } },
    { selector: 'node.block.line-hit', style: { 'background-color': '#243244' } },
    { selector: 'node.block.hover', style: { 'background-color': v('--bg-hover', '#2a2e37') } },
    { selector: 'edge.near', style: { 'line-color': fg, 'target-arrow-color': fg, 'source-arrow-color': fg, width: 2.2, 'z-index': 2 } },
  ]
}
