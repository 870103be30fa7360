/**
 * Reading a gzip file waits on the decompressor's back-pressure many times; each wait must take its
 * listeners off again. Leaving a 'close' listener behind per wait made Node print
 * "MaxListenersExceededWarning: … 11 close listeners added to [Gunzip]" on Riaz 2017's .csv.gz.
 */
import { describe, expect, it } from 'vitest'
import { readLineBatches } from '../../src/io/lines.js'
import { tmpFile } from '../helpers.js'

describe('gzip back-pressure', () => {
  it('reads a many-chunk gzip file to the end without a listener warning', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`)
    process.on('warning', onWarning)
    try {
      // Pseudo-random numbers compress poorly, so the file is read in many chunks and the
      // decompressor pushes back many times (a repeated line would fit one chunk).
      let x = 12345
      const rows: string[] = []
      for (let i = 0; i < 400_000; i++) {
        x = (x * 1103515245 + 12345) % 2147483648
        rows.push(`s${x % 997}\tG${x % 20011}\t${x}\t${(x * 7) % 1000003}\n`)
      }
      const path = tmpFile('big.tsv.gz', rows.join(''), { gzip: true })
      let lines = 0
      for await (const b of readLineBatches(path)) lines += b.lines.length
      expect(lines).toBe(400_000)
      await new Promise((r) => setImmediate(r))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([])
  })
})
