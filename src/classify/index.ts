/** Classification: counted classes, biomarker rules, protein changes, the input JSON schemas. Re-exports only. */
export { COLLAPSE, COLLAPSED_CLASSES, collapseClass, type CollapsedClass } from './collapse.js'
export {
  MAFTOOLS_NONSYNONYMOUS,
  COPY_NUMBER_CLASSES,
  FUSION_CLASSES,
  DEFAULT_GENE_EXTRAS,
  countedClasses,
  counts,
  cnStateOf,
  type CountedClasses,
  type CountedClassesOptions,
} from './classes.js'
export { RuleSchema, RuleFileSchema, parseRules, loadRules, type Rule, type RuleFile } from './rules.js'
export { compileRules, matchRule, originAccepts, MATCH, NO_MATCH, NO_EVIDENCE, type CompiledRule, type OriginFilter } from './rule-match.js'
export { parseProteinChange, compileHotspots, matchesHotspot, type ProteinChange } from './protein.js'
export { generateSchemas } from './json-schemas.js'
