// Genomic design of the 28 sequenced patients: which patient carries which alteration, with the
// gene-level counts and the responder splits fixed by construction, then checked by the caller.
import { randInt, shuffle } from './random.mjs'
import { BRCA1_GERMLINE, GENE_COUNTS, N_SEQUENCED, ORR_BRCA1, ORR_MYC } from './targets.mjs'

/**
 * @typedef {object} Call
 * @property {string} key      catalogue key
 * @property {string} filter   'PASS' or Mutect2 filter names
 * @property {number} vaf      tumour allele fraction to write
 * @property {'somatic' | 'germline'} origin
 *
 * @typedef {object} Genome
 * @property {string} id
 * @property {boolean} responder
 * @property {'tissue' | 'plasma'} specimen
 * @property {Call[]} calls
 * @property {Record<string, number>} copyNumber  gene -> absolute copy number (2 when absent)
 * @property {number} purity
 */

/** Responders in the sequenced subset, and how many of them / of the others carry each class. */
const SEQ_RESPONDERS = 9
const TP53_WT = { responders: 1, others: 3 }
const PAM = { responders: 4, others: 8 }
/** PAM roles, shuffled over the 12 PAM-altered patients: PIK3CA 9, PTEN 5 (3 with PIK3CA), AKT1 1. */
const PAM_ROLES = ['PIK3CA', 'PIK3CA', 'PIK3CA', 'PIK3CA', 'PIK3CA', 'PIK3CA', 'PIK3CA+PTEN', 'PIK3CA+PTEN', 'PIK3CA+PTEN', 'PTEN', 'PTEN', 'AKT1']
const PIK3CA_MUTS = ['PIK3CA H1047R', 'PIK3CA H1047R', 'PIK3CA H1047R', 'PIK3CA E545K', 'PIK3CA E545K', 'PIK3CA E542K', 'PIK3CA H1047L', 'PIK3CA N345K', 'PIK3CA C420R']
/** PTEN: three point mutations and two homozygous (deep) deletions, the latter in cna.tsv. */
const PTEN_EVENTS = ['PTEN R130*', 'PTEN R233*', 'PTEN C136R', 'deep_del', 'deep_del']
const TP53_MUTS = [
  'TP53 R175H', 'TP53 R175H', 'TP53 R175H', 'TP53 R248Q', 'TP53 R248Q', 'TP53 R273H', 'TP53 R273H', 'TP53 R248W',
  'TP53 R273C', 'TP53 Y220C', 'TP53 Y220C', 'TP53 G245S', 'TP53 R282W', 'TP53 V157F', 'TP53 R213*', 'TP53 R196*',
  'TP53 R342*', 'TP53 X125_splice', 'TP53 R175H', 'TP53 R248Q', 'TP53 R273H', 'TP53 Y220C', 'TP53 R196*', 'TP53 R342*',
]
const GERMLINE_BRCA1 = ['BRCA1 E23fs', 'BRCA1 E23fs', 'BRCA1 E23fs', 'BRCA1 Q1756fs', 'BRCA1 Q1756fs']
const SOMATIC_BRCA1 = ['BRCA1 R1443*', 'BRCA1 K654fs']
const PASSENGERS = ['ERBB2 L755S', 'NF1 X1445_splice', 'ARID1A Q1519*', 'KMT2C R380*', 'GATA3 M294fs', 'RB1 R579*']
const SILENT = ['ARID1A P1326=', 'KMT2C E2336=', 'CDH1 A692=', 'ESR1 T594=']
/** MYC amplification copy numbers (>= 8) and low-level gains (3-4, below any amplification threshold). */
const MYC_AMP_CN = [8, 9, 11, 14, 18, 24]
const MYC_GAIN_CN = [3, 3, 4, 4, 3]

/**
 * @param {import('./random.mjs').Rng} rng
 * @param {ReadonlyArray<{ id: string, response: string }>} patients
 * @returns {Genome[]}
 */
export function designGenomes(rng, patients) {
  const responders = shuffle(rng, patients.filter((p) => p.response === 'PR')).slice(0, SEQ_RESPONDERS)
  const others = shuffle(rng, patients.filter((p) => p.response !== 'PR')).slice(0, N_SEQUENCED - SEQ_RESPONDERS)
  /** @type {Genome[]} */
  const gs = [...responders, ...others]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((p) => ({
      id: p.id,
      responder: p.response === 'PR',
      specimen: rng() < 0.82 ? 'tissue' : 'plasma',
      calls: [],
      copyNumber: {},
      purity: 0.25 + 0.55 * rng(),
    }))
  const R = gs.filter((g) => g.responder)
  const N = gs.filter((g) => !g.responder)
  /** Draw `want` responders and non-responders from pools, excluding `skip`. */
  const draw = (/** @type {{ responders: number, others: number }} */ want, /** @type {Set<Genome>} */ skip) => [
    ...shuffle(rng, R.filter((g) => !skip.has(g))).slice(0, want.responders),
    ...shuffle(rng, N.filter((g) => !skip.has(g))).slice(0, want.others),
  ]
  const tp53wt = new Set(draw(TP53_WT, new Set()))
  // One TP53-wild-type non-responder stays "quiet": only silent and filtered calls, so a reader
  // that ignores FILTER or counts silent calls shows it as altered.
  const quiet = [...tp53wt].find((g) => !g.responder)
  if (!quiet) throw new Error('design: no TP53-wild-type non-responder')
  const noQuiet = new Set([quiet])
  gs.filter((g) => !tp53wt.has(g)).forEach((g, i) => addSomatic(g, TP53_MUTS[i] ?? '', rng))

  const pam = shuffle(rng, draw(PAM, noQuiet))
  const pik3ca = shuffle(rng, PIK3CA_MUTS)
  const pten = shuffle(rng, PTEN_EVENTS)
  pam.forEach((g, i) => {
    const role = PAM_ROLES[i] ?? ''
    if (role.includes('PIK3CA')) addSomatic(g, pik3ca.pop() ?? '', rng)
    if (role.includes('PTEN')) {
      const ev = pten.pop() ?? ''
      if (ev === 'deep_del') g.copyNumber['PTEN'] = 0
      else {
        addSomatic(g, ev, rng)
        g.copyNumber['PTEN'] = 1 // second hit: loss of the other allele
      }
    }
    if (role === 'AKT1') addSomatic(g, 'AKT1 E17K', rng)
  })

  const myc = draw({ responders: ORR_MYC.responders, others: GENE_COUNTS.MYC - ORR_MYC.responders }, noQuiet)
  shuffle(rng, MYC_AMP_CN).forEach((cn, i) => { const g = myc[i]; if (g) g.copyNumber['MYC'] = cn })
  const mycGain = shuffle(rng, gs.filter((g) => !myc.includes(g) && g !== quiet))
  MYC_GAIN_CN.forEach((cn, i) => { const g = mycGain[i]; if (g) g.copyNumber['MYC'] = cn })

  const brca1 = shuffle(rng, draw({ responders: ORR_BRCA1.responders, others: GENE_COUNTS.BRCA1 - ORR_BRCA1.responders }, noQuiet))
  brca1.forEach((g, i) => {
    if (i < BRCA1_GERMLINE) {
      const key = GERMLINE_BRCA1[i] ?? ''
      g.calls.push({ key, filter: 'PASS', vaf: 0.5, origin: 'germline' })
      // Mutect2 sees the same variant in the tumour (LOH raises its fraction) and filters it as germline.
      g.calls.push({ key, filter: 'germline;normal_artifact', vaf: 0.55 + 0.35 * g.purity, origin: 'somatic' })
      g.calls.push({ key: i % 2 ? 'BRCA1 S1436=' : 'BRCA1 L771=', filter: 'PASS', vaf: 0.5, origin: 'germline' })
    } else addSomatic(g, SOMATIC_BRCA1[i - BRCA1_GERMLINE] ?? '', rng)
  })

  for (const g of gs) {
    if (g === quiet) continue
    const n = randInt(rng, 0, 2)
    for (const key of shuffle(rng, PASSENGERS).slice(0, n)) addSomatic(g, key, rng, 0.5)
    if (rng() < 0.5) addSomatic(g, SILENT[randInt(rng, 0, SILENT.length - 1)] ?? '', rng, 0.5)
    const weak = PASSENGERS[randInt(rng, 0, PASSENGERS.length - 1)] ?? ''
    if (rng() < 0.15 && !g.calls.some((c) => c.key === weak)) {
      g.calls.push({ key: weak, filter: 'weak_evidence', vaf: 0.012 + 0.01 * rng(), origin: 'somatic' })
    }
    g.copyNumber['ERBB2'] ??= randInt(rng, 2, 3)
  }
  quiet.calls.push(
    { key: 'TP53 R213=', filter: 'PASS', vaf: 0.21, origin: 'somatic' },
    { key: 'CDH1 A692=', filter: 'PASS', vaf: 0.17, origin: 'somatic' },
    { key: 'PIK3CA E545K', filter: 'weak_evidence', vaf: 0.011, origin: 'somatic' },
    { key: 'TP53 R248Q', filter: 'strand_bias', vaf: 0.034, origin: 'somatic' },
  )
  // Passenger focal events: one CCNE1 amplification, FGFR1 low-level gains.
  const spare = shuffle(rng, gs.filter((g) => g !== quiet && g.copyNumber['MYC'] === undefined))
  if (spare[0]) spare[0].copyNumber['CCNE1'] = 10
  for (const g of spare.slice(1, 4)) g.copyNumber['FGFR1'] = 3
  return gs
}

/**
 * A somatic PASS call with a clonal-ish allele fraction (half the purity, times `scale` for subclonal passengers).
 * @param {Genome} g @param {string} key @param {import('./random.mjs').Rng} rng
 */
function addSomatic(g, key, rng, scale = 1) {
  if (!key) throw new Error(`design: ran out of variants for ${g.id}`)
  if (g.calls.some((c) => c.key === key)) return
  g.calls.push({ key, filter: 'PASS', vaf: Math.max(0.04, (g.purity / 2) * scale * (0.85 + 0.3 * rng())), origin: 'somatic' })
}
