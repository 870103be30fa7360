/**
 * The scene: what the oncoplot layout produces and the SVG serializer consumes. Plain data only
 * (no DOM, no functions), so a layout can be compared, serialized to JSON or drawn by another
 * renderer. Coordinates are SVG user units (px), origin top-left, y growing downwards.
 */

/** Extra `data-*` attributes (name without the `data-` prefix → value); the serializer escapes both. */
export type DataAttrs = Readonly<Record<string, string>>

export interface RectShape {
  readonly kind: 'rect'
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly fill: string
  readonly stroke?: string | undefined
  readonly strokeWidth?: number | undefined
  /** Fill opacity; 0 makes an invisible hover target. */
  readonly opacity?: number | undefined
  /** Tooltip text, serialized as a child `<title>`. */
  readonly title?: string | undefined
  readonly data?: DataAttrs | undefined
}

/** Path commands as data so the serializer controls number precision. */
export type PathCommand =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'H'; readonly x: number }
  | { readonly op: 'V'; readonly y: number }
  | { readonly op: 'Z' }

export interface PathShape {
  readonly kind: 'path'
  readonly d: readonly PathCommand[]
  readonly fill: string
  readonly stroke?: string | undefined
  readonly strokeWidth?: number | undefined
}

export interface TextShape {
  readonly kind: 'text'
  readonly x: number
  readonly y: number
  readonly text: string
  readonly size: number
  readonly anchor: 'start' | 'middle' | 'end'
  readonly fill: string
  readonly weight?: 'normal' | 'bold' | undefined
  /** Italic for gene symbols (the nomenclature convention). */
  readonly italic?: boolean | undefined
  /** Rotation in degrees about (x, y). */
  readonly rotate?: number | undefined
  /** Full text for a tooltip when `text` was shortened. */
  readonly title?: string | undefined
}

export interface LineShape {
  readonly kind: 'line'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  readonly stroke: string
  readonly strokeWidth: number
}

/**
 * Many same-coloured rectangles as one element: `rects` holds x, y, w, h quadruples. Serialized as
 * one `<path>` ("M x y h w v h h -w z" per rect): ~30 bytes a rect instead of ~75 for `<rect>`, and
 * one scene object instead of thousands (10,000 × 30 cohort: 5.25 MB → 2.19 MB, see viz/README.md).
 */
export interface RectsShape {
  readonly kind: 'rects'
  readonly rects: readonly number[]
  readonly fill: string
}

export interface CircleShape {
  readonly kind: 'circle'
  readonly cx: number
  readonly cy: number
  readonly r: number
  readonly fill: string
  readonly stroke?: string | undefined
  readonly strokeWidth?: number | undefined
  /** Tooltip text, serialized as a child `<title>`. */
  readonly title?: string | undefined
  readonly data?: DataAttrs | undefined
}

export type Shape = RectShape | PathShape | TextShape | LineShape | RectsShape | CircleShape

export interface Group {
  /** Stable id (also written as `data-role`), e.g. "matrix", "top-bar", "legend". */
  readonly id: string
  readonly shapes: readonly Shape[]
  readonly data?: DataAttrs | undefined
}

/** A diagonal hatch pattern, referenced as fill `url(#id)`. */
export interface HatchPattern {
  readonly id: string
  readonly size: number
  readonly background: string
  readonly stroke: string
  readonly strokeWidth: number
}

export interface Scene {
  readonly width: number
  readonly height: number
  readonly background: string
  readonly fontFamily: string
  readonly title?: string | undefined
  readonly patterns: readonly HatchPattern[]
  readonly groups: readonly Group[]
}
