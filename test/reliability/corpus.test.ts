/**
 * The broken-input corpus (test/fixtures/bad/, written by make.mjs): each file breaks one thing in
 * an otherwise valid input. Every case runs the real CLI in-process and asserts the exact stderr,
 * the exit code, and — because a failed run must leave nothing half-written — that the output
 * folder is still empty afterwards (no output file, no temp file).
 *
 * `{F}` in an expected message stands for the path of the case's file; `{BAD}` for the corpus folder.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../cli/main.js'
import { memoryIO } from '../../cli/context.js'
import { FIXTURES, tmpDir } from '../helpers.js'

const BAD = join(FIXTURES, 'bad')
const VALID_MAF = join(BAD, 'maf', 'valid.maf')

interface Case {
  readonly name: string
  /** File under test/fixtures/bad/. */
  readonly file: string
  /** argv; `{F}` = the file, `{MAF}` = the valid MAF, `{OUT}` = an output path in an empty folder. */
  readonly argv: readonly string[]
  readonly code: 0 | 1
  /** Exact stderr (templated), or undefined to require empty stderr. */
  readonly err?: string | undefined
  /** For exit 0: stdout must contain these. */
  readonly outHas?: readonly string[] | undefined
}

const summary = ['summary', '{F}', '-o', '{OUT}']
const convert = ['convert', '{F}', '--to', 'maf', '-o', '{OUT}']
const scanWith = (endpoint: string) => ['scan', '{MAF}', '--clinical', '{F}', '--endpoint', endpoint, '-o', '{OUT}']
const UTF8_HINT = '  hint: re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n'
const NUL_HINT = '  hint: remove the NUL bytes (e.g. tr -d "\\000") or fetch the file again\n'
const GZIP_HINT = '  hint: the file was probably cut short in transfer; fetch or compress it again\n'

const CASES: readonly Case[] = [
  // --- compression and encoding
  { name: 'truncated gzip', file: 'maf/gzip-truncated.maf.gz', argv: summary, code: 1, err: 'biomarkit: {F}: gzip stream is truncated (unexpected end of file)\n' + GZIP_HINT },
  { name: 'truncated BGZF (cut inside the second member)', file: 'maf/bgzf-truncated.maf.gz', argv: convert, code: 1, err: 'biomarkit: {F}: gzip stream is truncated (unexpected end of file)\n' + GZIP_HINT },
  { name: 'truncated gzip VCF', file: 'vcf/gzip-truncated.vcf.gz', argv: summary, code: 1, err: 'biomarkit: {F}: gzip stream is truncated (unexpected end of file)\n' + GZIP_HINT },
  { name: 'binary garbage', file: 'maf/binary-garbage.maf', argv: convert, code: 1, err: 'biomarkit: {F}:1:1: invalid UTF-8 byte sequence\n' + UTF8_HINT },
  { name: 'a Latin-1 byte on line 3', file: 'maf/latin1.maf', argv: summary, code: 1, err: 'biomarkit: {F}:3:7: invalid UTF-8 byte sequence\n' + UTF8_HINT },
  { name: 'a NUL byte in a sample name', file: 'maf/nul-in-sample.maf', argv: convert, code: 1, err: 'biomarkit: {F}:2:53: NUL byte (a text table holds none: a binary file, or a damaged copy?)\n' + NUL_HINT },
  // --- MAF structure
  { name: 'empty file', file: 'maf/empty.maf', argv: convert, code: 1, err: 'biomarkit: {F}: file is empty: no header line and no records\n' },
  {
    name: 'duplicate required column',
    file: 'maf/duplicate-column.maf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:1:9: not a MAF: required column "Tumor_Sample_Barcode" appears more than once\n  hint: rename or remove the extra copy\n',
  },
  {
    name: 'missing required columns are named',
    file: 'maf/missing-columns.maf',
    argv: summary,
    code: 1,
    err:
      'biomarkit: {F}:1: not a MAF: missing required columns Variant_Classification, Tumor_Sample_Barcode\n' +
      '  hint: the header has: Hugo_Symbol, Chromosome, Start_Position, End_Position, Reference_Allele, Tumor_Seq_Allele2, Variant_Type, HGVSp_Short, t_alt_count, t_ref_count\n',
  },
  { name: 'wrong column count on one row', file: 'maf/short-row.maf', argv: convert, code: 1, err: 'biomarkit: {F}:3:10: expected 12 tab-separated fields as in the header, found 9\n  hint: the row may be truncated\n' },
  { name: 'non-numeric Start_Position', file: 'maf/non-numeric-start.maf', argv: summary, code: 1, err: 'biomarkit: {F}:3:3: Start_Position: expected an integer, got "179,234,297"\n' },
  { name: 'negative Start_Position', file: 'maf/negative-start.maf', argv: summary, code: 1, err: 'biomarkit: {F}:2:3: Start_Position: expected a positive 1-based position, got -7675088\n' },
  { name: 'End_Position before Start_Position', file: 'maf/end-before-start.maf', argv: convert, code: 1, err: 'biomarkit: {F}:4:4: End_Position 87933100 is before Start_Position 87933147\n' },
  {
    name: 'unknown chromosome name',
    file: 'maf/unknown-chromosome.maf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:2:2: Chromosome: unknown chromosome name "chr99"\n  hint: expected 1–22, X, Y, MT (with or without "chr") or a named contig; the columns may be shifted\n',
  },
  // Decision: a MAF with a header and no rows is a valid, empty cohort (0 samples), not an error.
  { name: 'header only = valid and empty', file: 'maf/header-only.maf', argv: ['summary', '{F}'], code: 0, outHas: ['0 samples sequenced; 0 input rows in 1 file(s)', 'read 0, kept 0, dropped 0'] },
  { name: 'CRLF mixed with LF parses', file: 'maf/crlf-mixed.maf', argv: ['summary', '{F}'], code: 0, outHas: ['2 samples sequenced; 3 input rows', 'read 3, kept 3, dropped 0'] },
  { name: 'complete BGZF parses', file: 'maf/bgzf-valid.maf.gz', argv: ['summary', '{F}'], code: 0, outHas: ['2 samples sequenced; 3 input rows', 'read 3, kept 3, dropped 0'] },
  { name: 'real BGZF with its EOF block parses', file: 'maf/bgzf-complete.maf.gz', argv: ['summary', '{F}'], code: 0, outHas: ['read 3, kept 3, dropped 0'] },
  // Cut at a block boundary: every block inflates, only the missing EOF block tells (htslib warns too).
  {
    name: 'BGZF without its EOF block: a warning in the read report',
    file: 'maf/bgzf-no-eof.maf.gz',
    argv: ['summary', '{F}'],
    code: 0,
    outHas: ['read 3, kept 3, dropped 0', 'warning: {F}: BGZF file has no end-of-file block: it may have been cut short at a block boundary (rows after the cut would be missing)'],
  },
  {
    name: 'BGZF without its EOF block: an error with --strict',
    file: 'maf/bgzf-no-eof.maf.gz',
    argv: ['summary', '{F}', '--strict', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}: BGZF file has no end-of-file block: it may have been cut short at a block boundary (rows after the cut would be missing)\n  hint: fetch or compress the file again (bgzip writes the end-of-file block); without --strict this is a warning\n',
  },
  // --lenient: the same broken rows are skipped and counted by reason, and the run succeeds.
  {
    name: 'lenient: wrong column count skipped and counted',
    file: 'maf/short-row.maf',
    argv: ['summary', '{F}', '--lenient'],
    code: 0,
    err: 'biomarkit: --lenient: skipped 1 bad row(s); see the read report for reasons\n',
    outHas: ['read 3, kept 2, dropped 1 (1 wrong number of columns)'],
  },
  {
    name: 'lenient: non-numeric position skipped and counted',
    file: 'maf/non-numeric-start.maf',
    argv: ['summary', '{F}', '--lenient'],
    code: 0,
    err: 'biomarkit: --lenient: skipped 1 bad row(s); see the read report for reasons\n',
    outHas: ['read 3, kept 2, dropped 1 (1 bad row: bad_number)'],
  },
  // --- VCF
  {
    name: 'VCF without #CHROM',
    file: 'vcf/no-chrom-line.vcf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:11: VCF has no #CHROM header line before its first record\n  hint: a VCF needs a tab-separated "#CHROM POS ID REF ALT QUAL FILTER INFO" line after the ## meta lines\n',
  },
  { name: 'non-numeric POS', file: 'vcf/non-numeric-pos.vcf', argv: convert, code: 1, err: 'biomarkit: {F}:13:2: POS: expected a non-negative integer, got "179234297x"\n' },
  { name: 'negative POS', file: 'vcf/negative-pos.vcf', argv: summary, code: 1, err: 'biomarkit: {F}:12:2: POS: expected a non-negative integer, got "-5"\n' },
  {
    name: 'malformed CSQ (wrong number of | fields)',
    file: 'vcf/csq-wrong-arity.vcf',
    argv: convert,
    code: 1,
    err:
      `biomarkit: {F}:13:8: malformed VEP CSQ entry: 4 '|'-separated fields, the header declares 11: "G|missense_variant|MODERATE|PIK3CA"\n` +
      '  hint: the INFO header line and the records disagree; re-run the annotator or fix the header\n',
  },
  // Decision (src/vcf's): an INFO key missing from the header is a located warning, not an error.
  {
    name: 'INFO key not in the header = warning in the read report',
    file: 'vcf/info-not-in-header.vcf',
    argv: ['summary', '{F}'],
    code: 0,
    outHas: ['read 2, kept 2, dropped 0', 'warning: {F}:12: INFO key "MYSTERY" is not declared in the header'],
  },
  {
    name: 'record with fewer columns than #CHROM (a sample column missing)',
    file: 'vcf/wrong-column-count.vcf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:13:10: expected 10 tab-separated columns as in the #CHROM line, found 9\n  hint: a sample column is missing: the record may be truncated\n',
  },
  { name: 'INFO END before POS', file: 'vcf/end-before-pos.vcf', argv: summary, code: 1, err: 'biomarkit: {F}:14:8: INFO/END 7674000 is before POS 7675000\n' },
  {
    name: 'unknown chromosome name (a space in CHROM)',
    file: 'vcf/unknown-chromosome.vcf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:12:1: CHROM: "chr17 random" is not a valid contig name\n  hint: contig names have no whitespace, commas or angle brackets (VCF 4.3 §1.4.7)\n',
  },
  { name: 'CRLF mixed with LF in a VCF parses', file: 'vcf/crlf-mixed.vcf', argv: ['summary', '{F}'], code: 0, outHas: ['1 samples sequenced; 2 input rows', 'read 2, kept 2, dropped 0'] },
  // --- clinical
  {
    name: 'duplicate sample IDs in clinical',
    file: 'clinical/duplicate-sample.tsv',
    argv: scanWith('orr'),
    code: 1,
    err: 'biomarkit: {F}:5:1: sample "S1" appears twice (lines 2 and 5)\n  hint: keep one row per sample (or key the table by another column with the sample-column option)\n',
  },
  {
    name: 'unknown response word',
    file: 'clinical/unknown-response.tsv',
    argv: scanWith('orr'),
    code: 1,
    err:
      'biomarkit: {F}:3:2: best_response: unknown best-response value "progressive-ish"\n' +
      "  hint: accepted (case-insensitive; '_' and '-' read as spaces): RECIST CR, PR, SD, PD, NE and their long words; irRC irCR…; iRECIST iCR, iPR, iSD, iUPD, iCPD; combined PRCR, SDPD, PRCRSD, CR/PR; MR (read as SD); Responder/Non-responder, R/NR, DCB/NDB; map any other code with --response-map CODE=CR|PR|SD|PD|NE|NA\n",
  },
  // The same clinical error stops report and oncoplot before they write anything.
  {
    name: 'report: duplicate clinical sample, no report.html',
    file: 'clinical/duplicate-sample.tsv',
    argv: ['report', '{MAF}', '--clinical', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:5:1: sample "S1" appears twice (lines 2 and 5)\n  hint: keep one row per sample (or key the table by another column with the sample-column option)\n',
  },
  {
    name: 'oncoplot: duplicate clinical sample, no SVG',
    file: 'clinical/duplicate-sample.tsv',
    argv: ['oncoplot', '{MAF}', '--clinical', '{F}', '--png', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:5:1: sample "S1" appears twice (lines 2 and 5)\n  hint: keep one row per sample (or key the table by another column with the sample-column option)\n',
  },
  { name: 'negative survival time', file: 'clinical/negative-time.tsv', argv: scanWith('pfs'), code: 1, err: 'biomarkit: {F}:4:3: pfs_months: expected a non-negative time, got -3\n' },
  { name: 'non-numeric survival time', file: 'clinical/non-numeric-time.tsv', argv: scanWith('pfs'), code: 1, err: 'biomarkit: {F}:2:3: pfs_months: expected a number, got "5 months"\n' },
  {
    name: 'events coded three ways in one column',
    file: 'clinical/events-three-ways.tsv',
    argv: scanWith('pfs'),
    code: 1,
    err: 'biomarkit: {F}:3:4: pfs_event: mixes event codings: 0/1 ("1" at line 2), status words ("Dead" at line 3)\n  hint: recode the column to a single convention, e.g. 1 = event, 0 = censored\n',
  },
  // --- other tables and JSON
  {
    name: 'unknown copy-number call',
    file: 'cna/bad-state.tsv',
    argv: ['summary', '{MAF}', '--cna', '{F}', '-o', '{OUT}'],
    code: 1,
    err:
      'biomarkit: {F}:3:3: CN: unknown copy-number call "Lots"\n' +
      "  hint: accepted: 2, amp, amplification, amplified, high level amplification, high level gain, hlamp, 1, gain, gained, low level gain, copy gain, 0, neutral, diploid, none, baseline, no change, -1, -1.5, loss, lost, shallow deletion, shallowdel, heterozygous loss, hetloss, hemizygous deletion, -2, del, deletion, deep deletion, homdel, homozygous deletion, homozygous loss, cn loh, cnloh, copy neutral loh, complex; continuous values need scale 'log2' or 'copies'\n",
  },
  { name: 'fusion table without gene columns', file: 'fusion/missing-columns.tsv', argv: ['summary', '{MAF}', '--fusions', '{F}', '-o', '{OUT}'], code: 1, err: 'biomarkit: {F}:1: fusion table: no gene columns\n  hint: expected Site1_Hugo_Symbol + Site2_Hugo_Symbol, gene_a + gene_b (or gene1/gene2, …), or a Fusion / FusionGene label; the header has: sample, partner\n' },
  {
    name: 'manifest pointing at a missing file',
    file: 'manifest/missing-file.tsv',
    argv: ['summary', '--manifest', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:3:2: file: "nowhere/S2.vcf" does not exist (looked for {BAD}/manifest/nowhere/S2.vcf)\n  hint: paths in a manifest are relative to the manifest’s own folder\n',
  },
  { name: 'panel file with an unknown key', file: 'panel/unknown-key.json', argv: ['summary', '{MAF}', '--panel', '{F}', '-o', '{OUT}'], code: 1, err: 'biomarkit: {F}:15:3: gnees: unknown key\n  hint: see panels/README.md for the panel format\n' },
  // The message ends with the value found (src/io/zod-issues.ts).
  ...[
    ['bad-hotspot-residue', 'Xyz12'],
    ['bad-hotspot-paren', 'p.(D835Y'],
  ].map(([f, found]) => ({
    name: `rules file with a hotspot the compiler cannot read (${f})`,
    file: `rules/${f}.json`,
    argv: ['summary', '{MAF}', '--rules', '{F}', '-o', '{OUT}'],
    code: 1 as const,
    err: `biomarkit: {F}:11:9: rules[0].hotspots[1]: expected a protein change like "H1047R", "p.E545K" or a residue like "E545", got "${found}"\n  hint: see panels/README.md for the rules format\n`,
  })),
  {
    name: 'MAF header names differing only in case',
    file: 'maf/case-twin-header.maf',
    argv: summary,
    code: 1,
    err: 'biomarkit: {F}:1:13: columns "Hugo_Symbol" (1) and "hugo_symbol" (13) differ only in case: which one is meant is not guessed\n  hint: rename or remove one of them, or name the one meant exactly (a --columns map, --sample-column, --endpoint)\n',
  },
  {
    name: 'clinical response columns differing only in case',
    file: 'clinical/case-twin-response.tsv',
    argv: scanWith('orr'),
    code: 1,
    err: 'biomarkit: {F}:1:5: columns "best_response" (2) and "Best_Response" (5) differ only in case: which one is meant is not guessed\n  hint: rename or remove one of them, or name the one meant exactly (a --columns map, --sample-column, --endpoint)\n',
  },
  {
    name: 'copy-number gene columns differing only in case',
    file: 'cna/case-twin-header.tsv',
    argv: ['summary', '{MAF}', '--cna', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:1:4: columns "Gene" (1) and "gene" (4) differ only in case: which one is meant is not guessed\n  hint: rename or remove one of them, or name the one meant exactly (a --columns map, --sample-column, --endpoint)\n',
  },
  {
    name: 'fusion gene columns differing only in case',
    file: 'fusion/case-twin-header.tsv',
    argv: ['summary', '{MAF}', '--fusions', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:1:4: columns "gene_a" (2) and "Gene_A" (4) differ only in case: which one is meant is not guessed\n  hint: rename or remove one of them, or name the one meant exactly (a --columns map, --sample-column, --endpoint)\n',
  },
  // --- #21, one case per finding an input can trigger (the others: output.test.ts, outputs.test.ts, input-limits.test.ts, identity.test.ts)
  {
    name: '#21.2: an input given as the output is refused, the input untouched',
    file: 'rules/valid.json',
    argv: ['summary', '{MAF}', '--rules', '{F}', '--json', '-o', '{F}'],
    code: 1,
    err: 'biomarkit: {F}: refusing to overwrite input file {F}\n  hint: choose another output path\n',
  },
  {
    name: '#21.4: JSON nested 20,000 deep is an error at its place, not a stack overflow',
    file: 'rules/deep-nesting.json',
    argv: ['summary', '{MAF}', '--rules', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:1:99: JSON is nested deeper than 64 levels\n  hint: no biomarkit JSON format nests this deep; check the file is the one meant\n',
  },
  {
    name: '#21.5: a gzip bomb is refused past --max-input-bytes, counted as it inflates',
    file: 'maf/gzip-bomb.maf.gz',
    argv: ['summary', '{F}', '--max-input-bytes', '1M', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}: input is over the --max-input-bytes limit of 1 MiB (1048576 bytes) (bytes counted as read, after decompression)\n  hint: if the file is genuine, raise --max-input-bytes (e.g. --max-input-bytes 1G); inputs near the memory size are read with --low-memory\n',
  },
  {
    name: '#21.7: a --samples list matching the calls only once case is ignored is an error',
    file: 'samples/lower-case.txt',
    argv: ['summary', '{MAF}', '--samples', '{F}', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: {F}:1: no listed sample ID matches a called sample exactly, but 2 match once case, white space or look-alike characters are ignored (e.g. "s1" (line 1) vs "S1" in the calls, differing in case)\n  hint: sample IDs are compared exactly: write them as the calls do\n',
  },
  {
    name: '#21.7: a byte-order mark mid-file (two files joined) is an error at its line',
    file: 'maf/bom-mid-file.maf',
    argv: summary,
    code: 1,
    err: "biomarkit: {F}:5:1: byte-order mark (U+FEFF) inside the file: a BOM belongs only at the very start (were two files joined?)\n  hint: remove it (e.g. sed 's/\\xEF\\xBB\\xBF//g'), or join the files without their BOMs\n",
  },
  {
    name: '#21.8: a clinical column "__proto__" with values "constructor" / "toString" is data like any other',
    file: 'clinical/proto-keys.tsv',
    argv: ['scan', '{MAF}', '--clinical', '{F}', '--features', 'clinical:__proto__', '--endpoint', 'pfs'],
    code: 0,
    err:
      'biomarkit: sample IDs: clinical column "sample" (chosen by overlap with the calls\' sample IDs: sample 2); 2 matched; 0 in the calls, not in the table; 1 in the table, not sequenced\n' +
      'biomarkit: clinical and continuous features (numeric effects per unit after --transform none):\n' +
      'biomarkit: clinical:__proto__: binary: "toString" vs "constructor" (reference: first in sorted order)\n' +
      'biomarkit: pfs: time column "pfs_months" in months (from the column name)\n' +
      'biomarkit: pfs: pfs_event: event = "1" (2); censored = "0" (1) [0/1 coding]: 2 events, 1 censored among 3 patients with follow-up\n' +
      'biomarkit: endpoint pfs: time "pfs_months", event "pfs_event"; Cox PH (Efron ties); 3 patients; q over the univariable rows of the endpoint\n',
    outHas: ['clinical:__proto__\tclinical\tbinary\tpfs\tunivariable\t__proto__=toString\ttoString\tconstructor\t'],
  },
  {
    name: '#21.11: a record with 10,000 ALT alleles is read (was quadratic)',
    file: 'vcf/many-alts.vcf',
    argv: ['summary', '{F}'],
    code: 0,
    outHas: ['1 samples sequenced; 1 input rows in 1 file(s)', 'read 1, kept 1, dropped 0'],
  },
  {
    name: '#21.12: --max-line-length above what a string can hold is a usage error, not a crash',
    file: 'maf/valid.maf',
    argv: ['summary', '{F}', '--max-line-length', '99999999999', '-o', '{OUT}'],
    code: 1,
    err: 'biomarkit: --max-line-length: at most 536870888 (the longest string this JavaScript engine can hold), got "99999999999"\n',
  },
  {
    name: '#21.14: formula-like cells are written as they are, with a note naming the output',
    file: 'maf/formula-cells.maf',
    argv: convert,
    code: 0,
    err: 'biomarkit: {OUT}: 1 cell(s) begin with =, +, - or @ (first: "=HYPERLINK("http://x")"); a spreadsheet may run them as formulas. --excel-safe writes them with a leading \'\n',
  },
  { name: 'rules file with a bad threshold', file: 'rules/bad-threshold.json', argv: ['summary', '{MAF}', '--rules', '{F}', '-o', '{OUT}'], code: 1, err: 'biomarkit: {F}:12:7: rules[0].minCopyNumber: expected a copy number ≥ 0, got "six"\n  hint: see panels/README.md for the rules format\n' },
]

describe('broken-input corpus: exact message, exit code, nothing written', () => {
  it.each(CASES)('$name ($file)', async (c) => {
    const file = join(BAD, c.file)
    expect(existsSync(file), `${file} missing: run node test/fixtures/bad/make.mjs`).toBe(true)
    const outDir = tmpDir()
    const out = join(outDir, 'out.txt')
    const fill = (s: string) => s.replaceAll('{F}', file).replaceAll('{MAF}', VALID_MAF).replaceAll('{OUT}', out).replaceAll('{BAD}', BAD)
    const io = memoryIO()
    const code = await run(c.argv.map(fill), io)
    expect({ code, err: io.err }).toEqual({ code: c.code, err: c.err === undefined ? '' : fill(c.err) })
    if (c.code !== 0) expect(readdirSync(outDir), 'a failed run leaves no output or temp file').toEqual([])
    for (const s of c.outHas ?? []) expect(io.out).toContain(fill(s))
  })

  it('every corpus file is used by a case (none silently forgotten)', () => {
    const used = new Set(CASES.map((c) => c.file))
    // valid.* are the baselines the broken files derive from.
    const all = ['maf', 'vcf', 'clinical', 'cna', 'fusion', 'manifest', 'panel', 'rules', 'samples'].flatMap((d) => readdirSync(join(BAD, d)).map((f) => `${d}/${f}`))
    expect(all.filter((f) => !used.has(f) && !/\/valid\./.test(f))).toEqual([])
  })
})
