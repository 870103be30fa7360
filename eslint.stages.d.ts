// Types for eslint.stages.js (a plain module so that eslint.config.js can load it without a build).
import type { Linter } from 'eslint'

export declare const STAGES: readonly (readonly string[])[]
export declare function stageZones(stages?: readonly (readonly string[])[]): { target: string; from: string }[]
export declare function importSettings(project: string, createResolver: (o: { project: string }) => unknown): Record<string, unknown>
export declare function stageRules(basePath: string): Linter.RulesRecord
