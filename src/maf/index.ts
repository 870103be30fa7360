export { readMaf, readMafInto, parseMafLines, type MafReadResult } from './read.js'
export { MafParser, type MafOptions } from './parser.js'
export { REQUIRED_MAF_COLUMNS, OPTIONAL_MAF_COLUMNS } from './columns.js'
