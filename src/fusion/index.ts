export { readFusions, parseFusionLines, ReadFusionsOptionsSchema, type ReadFusionsOptions, type FusionResult } from './read.js'
export { detectFusionLayout, SAMPLE_COLUMNS, type FusionLayout } from './layout.js'
export { splitFusionName, type FusionGenes } from './fusion-name.js'
