/**
 * `pd_annotations_filename` (cBioPortal's custom driver annotations for a discrete CNA profile:
 * SAMPLE_ID, Entrez_Gene_Id, cbp_driver, cbp_driver_annotation, cbp_driver_tiers, …) is named and
 * listed as not used, with the reason: it only feeds cBioPortal's optional driver/VUS filter, and
 * biomarkit counts every call as cBioPortal does by default (src/study/folder.ts).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIO } from '../../cli/context.js'
import { run } from '../../cli/main.js'
import { parseMetaFile } from '../../src/study/meta.js'
import { readStudyFolder } from '../../src/study/folder.js'
import { hasShared, shared, tmpDir } from '../helpers.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO()
  const code = await run(args, io)
  return { code, out: io.out, err: io.err }
}

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }))
const META = ['cancer_study_identifier: s', 'genetic_alteration_type: COPY_NUMBER_ALTERATION', 'datatype: DISCRETE', 'stable_id: gistic', 'data_filename: data_cna.txt']

describe('pd_annotations_filename (custom driver annotations)', () => {
  it('the meta reader keeps the name', () => {
    expect(parseMetaFile(lines([...META, 'pd_annotations_filename: data_cna_pd_annotations.txt'].join('\n')), 'meta_cna.txt').pdAnnotations).toBe('data_cna_pd_annotations.txt')
    expect(parseMetaFile(lines(META.join('\n')), 'meta_cna.txt').pdAnnotations).toBeUndefined()
  })

  it('a named file that is not in the folder is said so (not read, so not an error)', async () => {
    const d = tmpDir()
    writeFileSync(join(d, 'meta_cna.txt'), [...META, 'pd_annotations_filename: gone.txt'].join('\n') + '\n')
    writeFileSync(join(d, 'data_cna.txt'), 'Hugo_Symbol\tS1\nTP53\t-2\n')
    const f = await readStudyFolder(d)
    expect(f.unused.map((u) => u.file)).toEqual(['gone.txt'])
    expect(f.unused[0]?.why).toMatch(/^meta_cna\.txt pd_annotations_filename: custom driver annotations .*; named but not in the folder$/)
  })
})

const LEGACY = 'cbioportal-core/study_es_0_legacy_cna_discrete'
describe.skipIf(!hasShared(LEGACY))(`cBioPortal's ${LEGACY} as published (skipped when absent)`, () => {
  it('lists data_cna_pd_annotations.txt as not used with the reason, and counts every call (the same as without the annotations)', async () => {
    const r = await cli(['summary', shared(LEGACY), '--json'])
    expect(r.code, r.err).toBe(0)
    expect(r.err).toContain(
      "not used: data_cna_pd_annotations.txt (meta_cna_discrete.txt pd_annotations_filename: custom driver annotations (cbp_driver, cbp_driver_tiers) only feed cBioPortal's optional driver/VUS filter; biomarkit has no such filter and counts every call, as cBioPortal does by default)",
    )
    // The same folder without the annotation file or its meta line gives the same document.
    const d = tmpDir()
    copyFileSync(shared(`${LEGACY}/data_cna_discrete.txt`), join(d, 'data_cna_discrete.txt'))
    const meta = readFileSync(shared(`${LEGACY}/meta_cna_discrete.txt`), 'utf8').split('\n').filter((l) => !l.startsWith('pd_annotations_filename'))
    writeFileSync(join(d, 'meta_cna_discrete.txt'), meta.join('\n'))
    const bare = await cli(['summary', d, '--json'])
    expect(bare.code, bare.err).toBe(0)
    expect(bare.err).not.toContain('not used')
    const strip = (j: string) => JSON.stringify({ ...(JSON.parse(j) as Record<string, unknown>), readReports: undefined })
    expect(strip(bare.out)).toBe(strip(r.out))
    // Passengers count as drivers do: TCGA-A2-A04U-01's seven amplifications include ACAP3 and ATAD3C,
    // which the file marks Putative_Passenger.
    const j = JSON.parse(r.out) as { samples: number; perSample: { sample: string; alteredGenes: number }[] }
    expect(j.samples).toBe(788)
    expect(j.perSample.find((s) => s.sample === 'TCGA-A2-A04U-01')?.alteredGenes).toBe(7)
  })
})
