/**
 * Scene → SVG text. No DOM: strings are built directly, every user string is XML-escaped and every
 * number is printed at fixed precision (2 decimals, trailing zeros trimmed), so the same scene always
 * gives the same bytes.
 *
 * Complexity: O(shapes + rectangles + path commands) time and output; each string is built once and
 * joined once (per `rects` path, per group, per document).
 */
import type { DataAttrs, Group, HatchPattern, PathCommand, Scene, Shape } from './scene.js'

/** 2-decimal fixed precision, trailing zeros trimmed, never "-0" or exponent notation. */
export function fmt(n: number): string {
  // r/100 for an integer r is the double nearest the 2-decimal value, and String() prints the
  // shortest round-tripping form, i.e. at most 2 decimals, no trailing zeros ("-0" prints "0").
  return String(centi(n) / 100)
}

/** The integer number of hundredths `fmt` prints for n (same range check). */
function centi(n: number): number {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) throw new RangeError(`coordinate out of range: ${n}`)
  return Math.round(n * 100)
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Anything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed: drop it.
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const ILLEGAL_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Bidi controls (LRM/RLM, embeddings/overrides, isolates) are legal but invisible and can reorder a
// label; they are written as character references so they stay visible in the source.
const ESCAPES = /[&<>"'\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escape a string for XML text or a double-quoted attribute value. */
export function escapeXml(s: string): string {
  return s.replace(ILLEGAL_XML, '').replace(ESCAPES, (c) => NAMED[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)
}

/** Only ASCII letters, digits, '-' and '_' survive in a data-* attribute name (XML Name safe). */
function dataName(name: string): string {
  const n = name.toLowerCase().replace(/[^a-z0-9_-]/g, '-')
  return n === '' ? 'x' : n
}

function dataAttrs(d: DataAttrs | undefined): string {
  if (d === undefined) return ''
  let s = ''
  for (const k of Object.keys(d).sort()) s += ` data-${dataName(k)}="${escapeXml(d[k] ?? '')}"`
  return s
}

function paint(fill: string, stroke: string | undefined, width: number | undefined): string {
  let s = ` fill="${escapeXml(fill)}"`
  if (stroke !== undefined) s += ` stroke="${escapeXml(stroke)}" stroke-width="${fmt(width ?? 1)}"`
  return s
}

function pathData(d: readonly PathCommand[]): string {
  const parts: string[] = []
  for (const c of d) {
    switch (c.op) {
      case 'M':
      case 'L':
        parts.push(`${c.op}${fmt(c.x)} ${fmt(c.y)}`)
        break
      case 'H':
        parts.push(`H${fmt(c.x)}`)
        break
      case 'V':
        parts.push(`V${fmt(c.y)}`)
        break
      case 'Z':
        parts.push('Z')
        break
    }
  }
  return parts.join('')
}

/**
 * `rects` as path data: "M x y h w v h h -w z" for the first rectangle; after `z` the pen is back at
 * the subpath's start, so each later one moves relatively (`m dx dy`) from the previous corner.
 * Measured on the bench oncoplot (10,000 samples × 30 rows): 5.26 MB → 4.37 MB; the rendered PNG is
 * byte-identical.
 *
 * Numbers are taken to integer hundredths once (what `fmt` prints), deltas are differences of those
 * integers, so positions are exactly the absolute ones, and each distinct value is formatted once
 * per shape: a matrix row repeats the same few widths, heights and steps thousands of times. Same
 * bytes as formatting every number with `fmt` (property-tested against that in test/viz/svg.test.ts).
 * Bench oncoplot serialization of one scene, 15 runs: min 185 → 145 ms CPU (median 290 → 197).
 */
function rectsPath(r: readonly number[]): string {
  const memo = new Map<number, string>()
  const text = (c: number): string => {
    let t = memo.get(c)
    if (t === undefined) memo.set(c, (t = String(c / 100)))
    return t
  }
  // Chunks joined once: appending to one string built ~340k rope nodes that the final join had to
  // flatten (same bench: min 145 → 66 ms CPU, median 197 → 131).
  const d: string[] = []
  let px = 0
  let py = 0
  for (let i = 0; i + 3 < r.length; i += 4) {
    const x = centi(r[i] as number)
    const y = centi(r[i + 1] as number)
    const w = r[i + 2] as number
    const h = r[i + 3] as number
    d.push(i === 0 ? `M${text(x)} ${text(y)}` : `m${text(x - px)} ${text(y - py)}`)
    // -w is rounded on its own: Math.round(-12.5) is -12, not -(13).
    d.push(`h${text(centi(w))}v${text(centi(h))}h${text(centi(-w))}z`)
    px = x
    py = y
  }
  return d.join('')
}

function shape(s: Shape): string {
  switch (s.kind) {
    case 'rect': {
      const open = `<rect x="${fmt(s.x)}" y="${fmt(s.y)}" width="${fmt(s.w)}" height="${fmt(s.h)}"${paint(s.fill, s.stroke, s.strokeWidth)}${s.opacity === undefined ? '' : ` fill-opacity="${fmt(s.opacity)}"`}${dataAttrs(s.data)}`
      return s.title === undefined ? `${open}/>` : `${open}><title>${escapeXml(s.title)}</title></rect>`
    }
    case 'circle': {
      const open = `<circle cx="${fmt(s.cx)}" cy="${fmt(s.cy)}" r="${fmt(s.r)}"${paint(s.fill, s.stroke, s.strokeWidth)}${dataAttrs(s.data)}`
      return s.title === undefined ? `${open}/>` : `${open}><title>${escapeXml(s.title)}</title></circle>`
    }
    case 'rects':
      return `<path d="${rectsPath(s.rects)}" fill="${escapeXml(s.fill)}"/>`
    case 'path':
      return `<path d="${pathData(s.d)}"${paint(s.fill, s.stroke, s.strokeWidth)}/>`
    case 'line':
      return `<line x1="${fmt(s.x1)}" y1="${fmt(s.y1)}" x2="${fmt(s.x2)}" y2="${fmt(s.y2)}" stroke="${escapeXml(s.stroke)}" stroke-width="${fmt(s.strokeWidth)}"/>`
    case 'text': {
      let a = `<text x="${fmt(s.x)}" y="${fmt(s.y)}" font-size="${fmt(s.size)}" fill="${escapeXml(s.fill)}"`
      if (s.anchor !== 'start') a += ` text-anchor="${s.anchor}"`
      if (s.weight === 'bold') a += ' font-weight="bold"'
      if (s.italic === true) a += ' font-style="italic"'
      if (s.rotate !== undefined && s.rotate !== 0) a += ` transform="rotate(${fmt(s.rotate)} ${fmt(s.x)} ${fmt(s.y)})"`
      const tip = s.title === undefined ? '' : `<title>${escapeXml(s.title)}</title>`
      return `${a}>${tip}${escapeXml(s.text)}</text>`
    }
  }
}

function pattern(p: HatchPattern): string {
  const z = fmt(p.size)
  return (
    `<pattern id="${escapeXml(p.id)}" patternUnits="userSpaceOnUse" width="${z}" height="${z}">` +
    `<rect width="${z}" height="${z}" fill="${escapeXml(p.background)}"/>` +
    `<path d="M0 ${z}L${z} 0" stroke="${escapeXml(p.stroke)}" stroke-width="${fmt(p.strokeWidth)}"/></pattern>`
  )
}

function group(g: Group): string {
  const body = g.shapes.map(shape).join('\n')
  return `<g data-role="${escapeXml(g.id)}"${dataAttrs(g.data)}>\n${body}${body === '' ? '' : '\n'}</g>`
}

/** Serialize a scene. Deterministic: equal scenes give equal strings. */
export function toSvg(scene: Scene): string {
  const w = fmt(scene.width)
  const h = fmt(scene.height)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(scene.fontFamily)}">`,
  ]
  if (scene.title !== undefined) out.push(`<title>${escapeXml(scene.title)}</title>`)
  if (scene.patterns.length > 0) out.push(`<defs>${scene.patterns.map(pattern).join('')}</defs>`)
  out.push(`<rect width="${w}" height="${h}" fill="${escapeXml(scene.background)}"/>`)
  for (const g of scene.groups) out.push(group(g))
  out.push('</svg>\n')
  return out.join('\n')
}
