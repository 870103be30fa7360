import { join } from 'node:path'
import { FIXTURES } from '../helpers.js'

export { shared, hasShared, thrown, thrownAsync, tsv } from '../helpers.js'
export const CNA_FIXTURES = join(FIXTURES, 'cna')
