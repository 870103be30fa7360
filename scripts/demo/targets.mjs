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

/**
 * Published rwPFS hazard ratios (Cox). Univariable: HER2 IHC 2+ vs 1+ 0.54 (95% CI 0.31–0.96),
 * brain metastases 2.57, prior Trop-2 ADC 2.51. Multivariable (HER2 IHC, brain metastases, prior
 * Trop-2 ADC in one model; which covariates the study adjusted for is our reading of Fig. 3):
 * brain metastases 2.46 (1.15–5.29, P = 0.021), prior Trop-2 ADC 2.79 (1.28–6.08, P = 0.010).
 * The generator drives each HR to within HR_TOLERANCE (on the log scale) of its point estimate,
 * which keeps it well inside the published CI.
 * @type {ReadonlyArray<{ model: 'univariable' | 'multivariable', term: 'her2' | 'brain' | 'trop2', hr: number, lower?: number, upper?: number }>}
 */
export const PFS_HR_TARGETS = [
  { model: 'univariable', term: 'her2', hr: 0.54, lower: 0.31, upper: 0.96 },
  { model: 'univariable', term: 'brain', hr: 2.57 },
  { model: 'univariable', term: 'trop2', hr: 2.51 },
  { model: 'multivariable', term: 'brain', hr: 2.46, lower: 1.15, upper: 5.29 },
  { model: 'multivariable', term: 'trop2', hr: 2.79, lower: 1.28, upper: 6.08 },
]
/** |log(HR) − log(target)| allowed: 0.05 is ±5%, e.g. 0.54 → 0.514–0.568. */
export const HR_TOLERANCE = 0.05

/**
 * Table 3, adverse events in the 64 treated patients. Published: nausea 71.9% (46), fatigue 39.1%
 * (25), neutropenia 31.3% (20; grade 3/4 9.4%, 6), grade 3/4 thrombocytopenia 7.8% (5).
 * ILLUSTRATIVE (not quoted in the issue): thrombocytopenia any grade, the grade 3/4 counts of
 * nausea and fatigue (set to 0), and the other rows.
 * @type {ReadonlyArray<{ term: string, any: number, grade3: number, published: boolean }>}
 */
export const AE_TARGETS = [
  { term: 'Nausea', any: 46, grade3: 0, published: true },
  { term: 'Fatigue', any: 25, grade3: 0, published: true },
  { term: 'Neutropenia', any: 20, grade3: 6, published: true },
  { term: 'Alopecia', any: 17, grade3: 0, published: false },
  { term: 'Vomiting', any: 15, grade3: 1, published: false },
  { term: 'Anemia', any: 14, grade3: 2, published: false },
  { term: 'Thrombocytopenia', any: 12, grade3: 5, published: true },
  { term: 'Interstitial lung disease/pneumonitis', any: 4, grade3: 1, published: false },
]

/** ILLUSTRATIVE baseline columns (no published counts in the issue). */
export const EXTRA_BASELINE = { hrConversion: 14, pdl1Tested: 22, liver: 24, lung: 30, bone: 33 }

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
