/**
 * biomarkit table baseline|efficacy|ae [AE_FILE] --clinical F [...] [--format tsv|json] [-o FILE]
 * The study tables: baseline characteristics (Table 1), efficacy overall and by subgroup
 * (Table 2), adverse events by term (Table 3). Each says what it counted and how.
 */
import { Command } from 'commander'
import { z } from 'zod'
import { readClinical } from '../../src/clinical/read.js'
import { InputError } from '../../src/errors.js'
import { readTable } from '../../src/io/table.js'
import { adverseEventDocument, baselineDocument, efficacyDocument } from '../../src/tables/study-table.js'
import type { CliIO } from '../context.js'
import { emit } from '../output.js'
import { CLINICAL_OPTIONS } from '../clinical-options.js'
import { CLINICAL, collectList, FORMAT, OUTPUT, PATIENT_COLUMN } from '../common-options.js'
import { FEATURE_SCAN_OPTIONS } from '../feature-scan.js'
import { addOptions, list, opt, parseOptions, schemaOf, variant } from '../option-table.js'
import { jsonText, parseReferences } from './feature-options.js'
import { cliReadLimits } from '../read-limits.js'

const TABLE_OPTIONS = {
  clinical: variant(CLINICAL, { description: 'clinical table (baseline, efficacy; ae: the safety population)' }),
  columns: opt('--columns <list>', 'baseline: the characteristics, in order', z.array(z.string()), { parse: collectList }),
  by: opt('--by <column>', 'baseline: one column per level of this column, with Fisher / Wilcoxon p', z.string()),
  categorical: variant(FEATURE_SCAN_OPTIONS.categorical, { description: 'baseline: numeric-looking columns to count by level (e.g. line_of_therapy)' }),
  subgroups: opt('--subgroups <list>', 'efficacy: one row per level of each column, with the HR vs its reference', z.array(z.string()), { parse: collectList }),
  // The clinical options' --reference (repeatable); a comma-separated list is split here, as before.
  reference: variant(CLINICAL_OPTIONS.reference, { flags: '--reference <col=level>', description: 'reference level of a subgroup column (repeatable)' }),
  sampleColumn: variant(CLINICAL_OPTIONS.sampleColumn, { description: 'patient/sample-ID column of the clinical table' }),
  responseColumn: CLINICAL_OPTIONS.responseColumn,
  patientColumn: variant(PATIENT_COLUMN, { description: 'ae: patient column (default: patient_id, patient, subject_id …)' }),
  termColumn: opt('--term-column <name>', 'ae: term column (default: term, ae_term, adverse_event …)', z.string()),
  gradeColumn: opt('--grade-column <name>', 'ae: CTCAE grade column (default: grade, ctcae_grade …)', z.string()),
  format: FORMAT,
  output: OUTPUT,
}

const Schema = schemaOf(TABLE_OPTIONS)

export function tableCommand(io: CliIO): Command {
  const cmd = new Command('table')
    .description('study tables: baseline characteristics, efficacy by subgroup, adverse events')
    .argument('<kind>', 'baseline | efficacy | ae')
    .argument('[file]', 'ae: the adverse-event table (patient, term, grade; one row per event)')
  return addOptions(cmd, TABLE_OPTIONS)
    .action(async (kind: string, file: string | undefined, raw: Record<string, unknown>) => {
      const o = parseOptions(Schema, raw)
      const limits = cliReadLimits(io)
      const clinical = o.clinical === undefined ? undefined : await readClinical(o.clinical, { sampleColumn: o.sampleColumn, responseColumn: o.responseColumn, limits })
      const inputs = [...(o.clinical ? [o.clinical] : []), ...(file ? [file] : [])]
      let lines: string[]
      let json: unknown
      if (kind === 'baseline' || kind === 'efficacy') {
        if (!clinical) throw new InputError('USAGE', `table ${kind}: --clinical is required`)
        if (file !== undefined) throw new InputError('USAGE', `table ${kind}: takes no file argument (the clinical table is --clinical)`)
        const doc = kind === 'baseline' ? baselineDocument(clinical.table, o.columns, { by: o.by, categorical: o.categorical }) : efficacyDocument(clinical.table, o.subgroups ?? [], parseReferences(o.reference?.flatMap(list)))
        lines = doc.lines
        json = doc.json
      } else if (kind === 'ae') {
        if (file === undefined) throw new InputError('USAGE', 'table ae: name the adverse-event table (biomarkit table ae AE_FILE)')
        const t = await readTable(file, { what: 'adverse-event table', limits })
        const doc = adverseEventDocument(t, file, {
          patientColumn: o.patientColumn,
          termColumn: o.termColumn,
          gradeColumn: o.gradeColumn,
          population: clinical ? new Set(clinical.table.rows.keys()) : undefined,
          populationName: clinical ? clinical.table.file : undefined,
        })
        lines = doc.lines
        json = doc.json
      } else throw new InputError('USAGE', `table: unknown kind "${kind}" (baseline, efficacy or ae)`)
      await emit(io, o.format === 'json' ? jsonText(json) : lines.join('\n') + '\n', o.output, inputs)
    })
}
