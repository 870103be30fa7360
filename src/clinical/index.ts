export { readClinical, parseClinicalLines, ReadClinicalOptionsSchema, type ReadClinicalOptions, type ClinicalResult } from './read.js'
export { SAMPLE_COLUMN_NAMES, RESPONSE_COLUMN_NAMES } from './columns.js'
export { isClinicalMissing } from './missing.js'
export { lookupResponse, parseResponse, responseKey, ACCEPTED_RESPONSE_WORDS, type ResponseLookup } from './response.js'
export { lookupEvent, type EventCode, type EventFamily } from './events.js'
export {
  binaryEndpoint,
  categoricalLevels,
  type BinaryEndpoint,
  type CategoricalEndpoint,
  type GroupEndpoint,
  type GroupSpec,
  type EndpointOptions,
  type Excluded,
} from './endpoints.js'
export { survivalEndpoint, SURVIVAL_COLUMNS, SurvivalSpecSchema, type SurvivalSpec, type SurvivalEndpoint, type SurvivalPoint } from './survival.js'
