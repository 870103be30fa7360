/**
 * SVG → PNG with resvg (Rust, shipped as a prebuilt binary in @resvg/resvg-js; no browser).
 * System fonts are loaded and a default family is set, so text renders when the SVG's generic
 * stack names fonts the machine lacks (CI installs fonts-dejavu-core).
 */
import { createRequire } from 'node:module'
import type * as Resvg from '@resvg/resvg-js'

type ResvgModule = typeof Resvg
let resvg: ResvgModule | undefined
/** Loaded on first use: the native module costs ~30 ms of start-up every command would pay. */
function loadResvg(): ResvgModule {
  return (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule)
}

export interface PngOptions {
  /** Pixels per SVG unit (2 = "retina"). Default 2. */
  readonly scale?: number | undefined
  readonly defaultFontFamily?: string | undefined
  /** Extra font files to load (e.g. a bundled TTF). */
  readonly fontFiles?: readonly string[] | undefined
}

export function renderPng(svg: string, opts: PngOptions = {}): Uint8Array {
  const scale = opts.scale ?? 2
  if (!(scale > 0 && scale <= 16)) throw new RangeError(`PNG scale must be in (0, 16], got ${scale}`)
  const r = new (loadResvg().Resvg)(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: opts.defaultFontFamily ?? 'DejaVu Sans',
      sansSerifFamily: opts.defaultFontFamily ?? 'DejaVu Sans',
      ...(opts.fontFiles ? { fontFiles: [...opts.fontFiles] } : {}),
    },
  })
  const png = r.render().asPng()
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}
