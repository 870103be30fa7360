/** VCF and ANNOVAR input: public API (re-exports only). */
export { readVcf, readVcfInto } from './read.js'
export { readAnnovarTable, parseAnnovarLines } from './annovar-table.js'
export { VcfParser, parseVcfLines, type VcfResult } from './reader.js'
export { VcfReadOptionsSchema, type VcfReadOptions, type GeneInterval, type CnThresholds } from './options.js'
export { classifyConsequence, effectPriority, splitTerms, CONSEQUENCE_TABLE, type Classification } from '../model/consequence.js'
export { toMafAlleles, type MafAlleles } from './rules/maf-alleles.js'
export { shortProtein, hgvspShort } from './hgvsp.js'
export { pickEffect, type Effect } from './effect.js'
