export { readClinical, parseClinicalLines, ReadClinicalOptionsSchema, type ReadClinicalOptions, type ClinicalResult } from './read.js'
export { SAMPLE_COLUMN_NAMES, RESPONSE_COLUMN_NAMES } from './columns.js'
export { isClinicalMissing } from './missing.js'
export { lookupResponse, parseResponse, parseResponseMap, responseKey, codeLabel, ACCEPTED_RESPONSE_WORDS, type ResponseLookup, type ResponseCode, type ResponseCoding } from './response.js'
export { foldId, nearMisses, matchSamples } from './match.js'
export { unitFromName, resolveUnit, declaredUnits, DAYS_PER, type ResolvedUnit } from './units.js'
export { sampleStatements, sampleWarnings } from './provenance.js'
export { lookupEvent, type EventCode, type EventFamily } from './events.js'
export {
  binaryEndpoint,
  isResponseColumn,
  MAX_NUMERIC_LEVELS,
  categoricalLevels,
  type BinaryEndpoint,
  type CategoricalEndpoint,
  type GroupEndpoint,
  type GroupSpec,
  type EndpointOptions,
  type Excluded,
} from './endpoints.js'
export { survivalEndpoint, SURVIVAL_COLUMNS, SurvivalSpecSchema, type SurvivalSpec, type SurvivalEndpoint, type SurvivalPoint } from './survival.js'
