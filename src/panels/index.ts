/** Panels, pathway sets, gene aliases and cBioPortal panel files. Re-exports only. */
export { PanelSchema, AssaySchema, HOTSPOT_RE, type Panel, type PanelFile, type GeneAssay, type Assay } from './schema.js'
export { loadPanel, parsePanel, normalizePanel, panelFromGenes } from './load.js'
export { AliasResolver, AliasFileSchema, aliasResolverFrom, loadAliases, type AliasUse, type AliasFile } from './aliases.js'
export { PathwaySetSchema, loadPathwaySet, parsePathwaySet, type Pathway } from './pathways.js'
export {
  parseGenePanelFile,
  readGenePanelFile,
  parsePanelMatrix,
  readPanelMatrix,
  parseGeneList,
  readGeneList,
  type CbioGenePanel,
  type PanelMatrix,
} from './cbioportal.js'
export { assignFromCbioportal, assignAll, type PanelAssignment, type CbioAssignmentResult } from './assign.js'
export { shippedDir, shippedPath, loadShippedAliases, loadShippedPathways } from './shipped.js'
export { jsonPath, parseJsonText, validateJson, readJsonFile } from './json.js'
