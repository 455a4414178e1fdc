// What genssa hands the arch's obj layer (preprocess + span), and what comes back.

import type { Prog } from './prog'

/** A register parameter the morestack path spills and reloads (gc's f.RegArgs). */
export interface RegArg {
  reg: string
  /** Offset of the spill slot in the argument area (FrameOffset + offset inside the parameter). */
  offset: number
  size: number
  float: boolean
  signed: boolean
}

export interface ObjInput {
  text: Prog
  /** Everything after TEXT: defframe's spills, genssa's Progs. */
  body: Prog[]
  regArgs: RegArg[]
  /** The function's declaration line, for the prologue. */
  funcLine: number
  /** TEXT attributes known before preprocess (NEEDCTXT, NOFRAME). */
  attrs: string[]
}

export interface ObjOutput {
  /** Final instruction list, TEXT first, with pcs and sizes. */
  progs: Prog[]
  size: number
  attrs: string[]
  /** The frame size TEXT prints. */
  frame: number
  /** What the symbol header calls `locals` (amd64: the frame; ppc64: without the fixed 32-byte area). */
  locals: number
}
