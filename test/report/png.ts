/**
 * A minimal PNG reader for screenshot checks (no image library is a dependency): 8-bit RGB or RGBA,
 * non-interlaced, the five scanline filters of PNG spec §9. Enough for Chromium's screenshots.
 */
import { inflateSync } from 'node:zlib'

export interface Image {
  readonly width: number
  readonly height: number
  /** RGBA, row-major. */
  readonly rgba: Uint8Array
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function isPng(buf: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => buf[i] === b)
}

export function decodePng(buf: Buffer): Image {
  if (!isPng(buf)) throw new Error('not a PNG')
  let pos = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos)
    const type = buf.toString('latin1', pos + 4, pos + 8)
    const data = buf.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const depth = data[8]
      const color = data[9]
      if (depth !== 8 || (color !== 2 && color !== 6) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${color}, interlace ${data[12]}`)
      channels = color === 6 ? 4 : 3
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    pos += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] ?? 0) : 0
      const b = prev[i] ?? 0
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0
      const x = line[i] ?? 0
      let v: number
      if (filter === 0) v = x
      else if (filter === 1) v = x + a
      else if (filter === 2) v = x + b
      else if (filter === 3) v = x + ((a + b) >> 1)
      else {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
      }
      cur[i] = v & 0xff
    }
    for (let xi = 0; xi < width; xi++) {
      const o = (y * width + xi) * 4
      out[o] = cur[xi * channels] ?? 0
      out[o + 1] = cur[xi * channels + 1] ?? 0
      out[o + 2] = cur[xi * channels + 2] ?? 0
      out[o + 3] = channels === 4 ? (cur[xi * channels + 3] ?? 0) : 255
    }
    prev = cur
  }
  return { width, height, rgba: out }
}

export function pixel(img: Image, x: number, y: number): [number, number, number] {
  const o = (Math.round(y) * img.width + Math.round(x)) * 4
  return [img.rgba[o] ?? 0, img.rgba[o + 1] ?? 0, img.rgba[o + 2] ?? 0]
}
