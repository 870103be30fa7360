import { describe, expect, it } from 'vitest'
import { renderPng } from '../../viz/png.js'
import { decodePng, isPng, pixel } from './png.js'

describe('the test PNG reader', () => {
  it('decodes a resvg render of four coloured quadrants pixel-exactly', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="20" height="15" fill="#ff0000"/><rect x="20" width="20" height="15" fill="#00ff00"/><rect y="15" width="20" height="15" fill="#0000ff"/><rect x="20" y="15" width="20" height="15" fill="#123456"/></svg>'
    const png = Buffer.from(renderPng(svg, { scale: 1 }))
    expect(isPng(png)).toBe(true)
    const img = decodePng(png)
    expect([img.width, img.height]).toEqual([40, 30])
    expect(pixel(img, 5, 5)).toEqual([255, 0, 0])
    expect(pixel(img, 35, 5)).toEqual([0, 255, 0])
    expect(pixel(img, 5, 25)).toEqual([0, 0, 255])
    expect(pixel(img, 35, 25)).toEqual([0x12, 0x34, 0x56])
  })
  it('rejects what is not a PNG', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/not a PNG/)
  })
})
