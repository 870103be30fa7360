/**
 * The panel format: which genes a sequencing assay looks at, and for which kinds of event.
 * Documented for users in panels/README.md; JSON Schema generated into panels/panel.schema.json
 * (test/panels/schema.test.ts fails when the committed copy is stale).
 *
 * A gene is either a bare symbol (it gets the panel's `defaultAssay`) or an object whose `assay`
 * overrides some of the default's fields. Unknown keys are errors (strict objects), so a typo like
 * `copyNumbr` is reported with its JSON path instead of silently meaning "false".
 */
import { z } from 'zod'

/** A protein residue ("E545", "H1047R", "p.E542K") or a genomic interval ("chr3:179234280-179234300", 1-based closed). */
export const HOTSPOT_RE = /^(?:(?:p\.)?[A-Z*]\d+[A-Z*]?|(?:chr)?[0-9A-Za-z_.]+:\d+-\d+)$/

export const MutationAssay = z.enum(['exons', 'hotspots', 'none']).describe(
  "'exons': coding exons and splice sites; 'hotspots': only the listed hotspots; 'none': mutations not assayed",
)

export const AssaySchema = z
  .strictObject({
    mutations: MutationAssay,
    hotspots: z
      .array(z.string().regex(HOTSPOT_RE, 'expected a residue like "H1047R"/"E545" or an interval like "chr3:179234280-179234300"'))
      .optional()
      .describe('Covered hotspots when mutations is "hotspots"'),
    copyNumber: z.boolean().describe('Copy-number calls (amplification / deep deletion) are made for this gene'),
    fusions: z.boolean().describe('Fusions / structural variants are called for this gene'),
  })
  .describe('What the assay calls for a gene')

/** Per-gene override: any subset of the assay fields. */
export const AssayOverrideSchema = AssaySchema.partial()

export const SYMBOL_RE = /^[A-Za-z0-9][A-Za-z0-9_.\-@/]*$/

export const GeneEntrySchema = z.union([
  z.string().regex(SYMBOL_RE, 'expected a gene symbol'),
  z.strictObject({
    symbol: z.string().regex(SYMBOL_RE, 'expected a gene symbol'),
    assay: AssayOverrideSchema.optional(),
  }),
])

export const PanelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[A-Za-z0-9_.+-]+$/, 'expected an identifier (letters, digits, _ . + -)'),
    version: z.string().min(1),
    name: z.string().min(1),
    citation: z.string().min(1).describe('Where the gene list comes from (paper, vendor document, URL)'),
    licence: z.string().optional(),
    sizeMb: z.number().positive('expected a positive number of megabases').optional().describe('Callable coding territory in Mb, for TMB'),
    genome: z.enum(['GRCh37', 'GRCh38']).optional(),
    defaultAssay: AssaySchema,
    genes: z.array(GeneEntrySchema).min(1, 'a panel needs at least one gene'),
  })
  .describe('A sequencing panel: genes assayed and for which event kinds')

export type PanelFile = z.infer<typeof PanelSchema>
export type Assay = z.infer<typeof AssaySchema>
export type MutationAssayMode = z.infer<typeof MutationAssay>

/** What a panel assays for one gene, after defaults are applied. */
export interface GeneAssay {
  readonly mutations: MutationAssayMode
  readonly hotspots: readonly string[]
  readonly copyNumber: boolean
  readonly fusions: boolean
}

/** A panel ready for classification: every gene with its full assay. */
export interface Panel {
  readonly id: string
  readonly name: string
  readonly sizeMb?: number | undefined
  /** Symbol → assay; genes absent here get `others`. */
  readonly genes: ReadonlyMap<string, GeneAssay>
  /**
   * Assay of every gene not in `genes`: set for a profile that is whole-exome (cBioPortal: a
   * profiled sample with no panel named); undefined = genes not listed are not assayed.
   */
  readonly others?: GeneAssay | undefined
}
