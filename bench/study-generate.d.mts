/** Types for bench/study-generate.mjs (used by test/study/genie.test.ts). */
export function writeGenieStudy(
  out: string,
  opts?: { samples?: number; rows?: number; panels?: number[]; seed?: number; cnaRows?: number },
): Promise<{ samples: number; patients: number; rows: number }>
