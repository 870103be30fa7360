import { join } from 'node:path'
import { FIXTURES } from '../helpers.js'

export { SHARED, shared, hasShared, thrown, thrownAsync, tsv } from '../helpers.js'
export const CLINICAL_FIXTURES = join(FIXTURES, 'clinical')
