export { readCopyNumber, parseCopyNumberLines, ReadCopyNumberOptionsSchema, type ReadCopyNumberOptions, type CopyNumberResult } from './read.js'
export { detectLayout, GENE_COLUMNS, SAMPLE_COLUMNS, MATRIX_ANNOTATION_COLUMNS, type Layout, type Scale } from './layout.js'
export {
  lookupCall,
  stateFromCopies,
  stateFromLog2,
  ACCEPTED_CALLS,
  DEFAULT_COPIES_THRESHOLDS,
  DEFAULT_LOG2_THRESHOLDS,
  type CnCall,
  type Thresholds,
} from './states.js'
export { readGistic, readGisticGenes, peakLabel, ReadGisticOptionsSchema, type ReadGisticOptions, type GisticResult } from './gistic.js'
