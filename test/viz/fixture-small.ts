/** A small cohort that uses every glyph kind, every cell state and every track type. */
import { buildMatrix, clinicalTable } from './helpers.js'

export const small = buildMatrix({
  samples: ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10'],
  rows: {
    TP53: { P01: 'Missense_Mutation@p.R175H', P02: 'Nonsense_Mutation@p.R213*', P03: 'Missense_Mutation;Frame_Shift_Del', P04: 'germline!Frame_Shift_Ins', P05: 'deep_del;Splice_Site', P10: 'NA' },
    MYC: { P01: 'amp', P03: 'gain', P06: 'amp;Missense_Mutation', P10: 'NA' },
    ALK: { P02: 'Fusion', P07: 'Fusion;Missense_Mutation', P08: 'In_Frame_Del' },
    CDKN2A: { P04: 'shallow_del', P05: 'deep_del', P09: 'Nonstop_Mutation' },
    BRAF: { P06: 'In_Frame_Ins', P08: 'Translation_Start_Site', P09: 'Missense_Mutation@p.V600E', P10: 'Silent' },
  },
  burden: { P01: 4, P02: 12, P03: 3, P04: 1, P05: 2, P06: 7, P07: 1, P08: 9, P09: 5, P10: 1 },
})

export const smallClinical = clinicalTable(
  ['sample', 'best_response', 'pfs_months', 'pfs_event', 'histology'],
  [
    ['P01', 'CR', '24.5', '0', 'adeno'],
    ['P02', 'PR', '12', '1', 'squamous'],
    ['P03', 'SD', '6.2', '1', 'adeno'],
    ['P04', 'PD', '2.1', '1', 'NA'],
    ['P05', 'NE', '', '', 'adeno'],
    ['P06', 'PD', '1.5', '0', 'squamous'],
    ['P07', 'SD', '8', '1', 'large cell'],
    ['P08', '', '30', '0', 'adeno'],
    ['P09', 'PR', '15.75', '1', 'squamous'],
    ['P10', 'CR', '40', '0', 'adeno'],
  ],
  'best_response',
)

export const smallTracks = [{ column: 'best_response' }, { column: 'pfs_months' }, { column: 'histology' }] as const
