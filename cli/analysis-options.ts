/**
 * Classification options shared by summary / scan / oncoplot / report (one zod schema).
 */
import type { Command } from 'commander'
import { z } from 'zod'
import type { ClassifyOptions } from '../src/pipeline/classify-cohort.js'
import { studyPanelRules } from './study.js'
import { addOptions, choice, collect, list, opt, parseOptions, schemaOf } from './option-table.js'
import { limitsOf } from './read-limits.js'

/** Classification options: one table, declared and validated from it. */
export const CLASSIFY_OPTIONS = {
  panel: opt('--panel <id|file>', 'gene panel: shipped id (core-biomarkers) or file (JSON panel, cBioPortal data_gene_panel_*.txt); repeatable', z.array(z.string()), { parse: collect }),
  samplePanels: opt('--sample-panels <file>', 'sample → panel matrix (cBioPortal data_gene_panel_matrix.txt)', z.string()),
  rules: opt('--rules <id|file>', 'biomarker rules: shipped id (tdxd-her2low) or JSON file (see panels/README.md)', z.string()),
  pathways: opt('--pathways <id|file>', 'pathway set (default sanchez-vega-2018 when pathways are used)', z.string()),
  classes: opt('--classes <list>', "counted mutation classes (default maftools' nine non-synonymous)", z.array(z.string()), { parse: list }),
  origin: choice('--origin <origin>', 'which calls count for gene features', ['somatic', 'germline', 'any'], 'any'),
  pathwayCoverage: choice(
    '--pathway-coverage <mode>',
    'mixed panels: which members a pathway or rule is judged on per sample (any: those its panel covers; all: only panels covering every member; common: members every panel covers)',
    ['any', 'all', 'common'],
    'any',
  ),
}

export function addClassifyOptions(cmd: Command): Command {
  return addOptions(cmd, CLASSIFY_OPTIONS)
}

const Schema = schemaOf(CLASSIFY_OPTIONS)

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
