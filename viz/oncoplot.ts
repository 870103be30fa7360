/** One call for the CLI and the report: order, lay out and serialize an oncoplot. */
import type { RecordMatrix } from '../src/matrix/types.js'
import type { ClinicalTable } from '../src/model/clinical.js'
import { layoutOrdered, type OncoplotOptions } from './layout.js'
import { matrixTsv } from './matrix-out.js'
import { orderMatrix, type Ordering } from './order.js'
import type { Scene } from './scene.js'
import { toSvg } from './svg.js'

export interface Oncoplot {
  readonly order: Ordering
  readonly scene: Scene
  readonly svg: string
  /** The drawn matrix as TSV (rows and columns in drawn order). */
  readonly tsv: () => string
}

export function renderOncoplot(m: RecordMatrix, opts: OncoplotOptions = {}, clinical?: ClinicalTable): Oncoplot {
  const order = orderMatrix(m, opts, clinical)
  const scene = layoutOrdered(m, order, opts, clinical)
  return { order, scene, svg: toSvg(scene), tsv: () => matrixTsv(m, order) }
}
