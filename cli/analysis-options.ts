/**
 * Classification options shared by summary / scan / oncoplot / report (one zod schema).
 */
import { Option, type Command } from 'commander'
import { z } from 'zod'
import type { ClassifyOptions } from '../src/pipeline/classify-cohort.js'
import { studyPanelRules } from './study.js'
import { parseOptions } from './validate.js'
import { limitsOf } from './read-limits.js'

const collect = (v: string, prev: string[] = []) => [...prev, v]
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

export function addClassifyOptions(cmd: Command): Command {
  return cmd
    .option('--panel <id|file>', 'gene panel: shipped id (core-biomarkers) or file (JSON panel, cBioPortal data_gene_panel_*.txt); repeatable', collect)
    .option('--sample-panels <file>', 'sample → panel matrix (cBioPortal data_gene_panel_matrix.txt)')
    .option('--rules <id|file>', 'biomarker rules: shipped id (tdxd-her2low) or JSON file (see panels/README.md)')
    .option('--pathways <id|file>', 'pathway set (default sanchez-vega-2018 when pathways are used)')
    .option('--classes <list>', "counted mutation classes (default maftools' nine non-synonymous)", list)
    .addOption(new Option('--origin <origin>', 'which calls count for gene features').choices(['somatic', 'germline', 'any']).default('any'))
    .addOption(
      new Option('--pathway-coverage <mode>', 'mixed panels: which members a pathway or rule is judged on per sample (any: those its panel covers; all: only panels covering every member; common: members every panel covers)')
        .choices(['any', 'all', 'common'])
        .default('any'),
    )
}

const Schema = z.object({
  panel: z.array(z.string()).optional(),
  samplePanels: z.string().optional(),
  rules: z.string().optional(),
  pathways: z.string().optional(),
  classes: z.array(z.string()).optional(),
  origin: z.enum(['somatic', 'germline', 'any']).default('any'),
  pathwayCoverage: z.enum(['any', 'all', 'common']).default('any'),
})

export function classifyOptions(raw: unknown, extra: Partial<ClassifyOptions> = {}): ClassifyOptions {
  const o = parseOptions(Schema, raw)
  return {
    panels: o.panel,
    samplePanels: o.samplePanels,
    rules: o.rules,
    pathways: o.pathways,
    classes: o.classes,
    origin: o.origin,
    pathwayCoverage: o.pathwayCoverage,
    study: studyPanelRules(raw as Record<string, unknown>),
    limits: limitsOf(raw),
    ...extra,
  }
}

export { list as parseList }
