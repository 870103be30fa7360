/** I/O at the edge: numbered lines from files/stdin (gzip/BGZF), tables, honest fields, atomic writes. */
export { readLines, readLineBatches, linesFromArray, peekText, DEFAULT_MAX_LINE_LENGTH, type LineBatch, type LineSourceOptions } from './lines.js'
export { readTable, parseTableLines, TableParser, findColumn, requireColumns, sniffDelimiter, splitCsv, splitTsv, type TableHeader, type TableRow } from './table.js'
export { parseIntField, parseCountField, parsePositionField, parseFloatField, isMissing } from './fields.js'
export { writeFileAtomic, openAtomic, assertNotInput, type AtomicWriter } from './write.js'
export { readLimits, type ReadLimits } from './read-limits.js'
export { HoldMeter, HoldLimitReached, DEFAULT_MAX_SIDE_FILE_BYTES } from './limits.js'
export { ReadRegistry } from './read-registry.js'
