import { join } from 'node:path'
import { FIXTURES } from '../helpers.js'

export { shared, hasShared, thrown, thrownAsync, tsv } from '../helpers.js'
export const FUSION_FIXTURES = join(FIXTURES, 'fusion')
