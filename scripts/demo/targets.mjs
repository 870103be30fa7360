// The published aggregates the synthetic cohort is built to reproduce (real-world trastuzumab
// deruxtecan in HR-negative HER2-low metastatic breast cancer). Data, not code: make-demo.mjs
// asserts every row against the files it writes, and demo/README.md lists the same numbers.

/** Best-response counts per HER2 IHC stratum (PR 23, SD 25, PD 16, CR 0 overall). */
export const RESPONSE_BY_HER2 = {
  '2+': { PR: 13, SD: 14, PD: 5 },
  '1+': { PR: 10, SD: 11, PD: 11 },
}

/** Best-response counts inside the two clinical subgroups (any HER2 stratum). */
export const BRAIN_METS_RESPONSE = { PR: 2, SD: 5, PD: 4 }
export const PRIOR_TROP2_RESPONSE = { PR: 0, SD: 5, PD: 5 }

/** Patients by line of therapy: 1st, 2nd, 3rd or later. */
export const LINES = { first: 3, second: 18, thirdPlus: 43 }

export const N_PATIENTS = 64
export const N_OS_DEATHS = 31

/**
 * Kaplan–Meier medians in months, rounded to 0.1. `group` names a predicate in cohort.mjs.
 * @type {ReadonlyArray<{ endpoint: 'pfs' | 'os', group: string, median: number }>}
 */
export const KM_TARGETS = [
  { endpoint: 'pfs', group: 'all', median: 5.0 },
  { endpoint: 'pfs', group: 'her2_2+', median: 6.0 },
  { endpoint: 'pfs', group: 'her2_1+', median: 3.9 },
  { endpoint: 'pfs', group: 'brain_yes', median: 3.6 },
  { endpoint: 'pfs', group: 'brain_no', median: 5.6 },
  { endpoint: 'pfs', group: 'trop2_yes', median: 3.1 },
  { endpoint: 'pfs', group: 'trop2_no', median: 5.5 },
  { endpoint: 'os', group: 'all', median: 14.9 },
  { endpoint: 'os', group: 'her2_2+', median: 18.1 },
  { endpoint: 'os', group: 'her2_1+', median: 14.0 },
  { endpoint: 'os', group: 'brain_yes', median: 8.6 },
  { endpoint: 'os', group: 'brain_no', median: 15.7 },
  { endpoint: 'os', group: 'trop2_yes', median: 11.1 },
  { endpoint: 'os', group: 'trop2_no', median: 15.7 },
]

/** Sequenced subset: 28 patients; gene-level counts among them. */
export const N_SEQUENCED = 28
export const GENE_COUNTS = { TP53: 24, PIK3CA: 9, MYC: 6, PTEN: 5, BRCA1: 7 }
export const BRCA1_GERMLINE = 5
/** Responders (PR) among the altered: MYC-amplified 1/6, BRCA1-mutated 1/7. */
export const ORR_MYC = { responders: 1, n: 6 }
export const ORR_BRCA1 = { responders: 1, n: 7 }

/**
 * The PI3K/AKT/mTOR ("PAM") pathway: the PI3K gene set of Sanchez-Vega et al., Cell 2018, as
 * shipped in panels/pathways-sanchez-vega-2018.json (test/demo checks the two agree). Used to keep
 * passenger genes out of the pathway and to count PAM-altered samples. Current HGNC symbols, as
 * the shipped loader resolves them (the paper's "PDK1" is PDPK1).
 */
export const PAM_GENES = [
  'EIF4EBP1', 'AKT1', 'AKT2', 'AKT3', 'AKT1S1', 'DEPDC5', 'DEPTOR', 'INPP4B', 'MAPKAP1', 'MLST8', 'MTOR',
  'NPRL2', 'NPRL3', 'PDPK1', 'PIK3CA', 'PIK3CB', 'PIK3R1', 'PIK3R2', 'PIK3R3', 'PPP2R1A', 'PTEN', 'RHEB',
  'RICTOR', 'RPTOR', 'RPS6', 'RPS6KB1', 'STK11', 'TSC1', 'TSC2',
]
