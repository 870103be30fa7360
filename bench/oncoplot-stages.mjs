#!/usr/bin/env node
// Oncoplot rendering after parsing: CPU time of order + layout + SVG serialization for
// `oncoplot --top 30` on a matrix built once from the bench MAF (what `npm run bench` reports as
// "oncoplot render"). Usage: node bench/oncoplot-stages.mjs [maf] — prints one JSON line.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

const maf = process.argv[2] ?? 'bench/out/cohort.maf'
const imp = (p) => import(pathToFileURL(resolve('dist', p)).href)
const { loadCohort } = await imp('src/input/cohort.js')
const { classifyCohort } = await imp('src/pipeline/classify-cohort.js')
const viz = await imp('viz/index.js')
const { pickFeatures } = await imp('src/pipeline/oncoplot-features.js')

const m = await classifyCohort(await loadCohort({ inputs: [maf] }), {})
const opts = { features: pickFeatures(m, 'gene', 30), removeUnaltered: true }
const cpu = () => process.cpuUsage().user / 1000
const a = cpu()
const order = viz.orderMatrix(m, opts)
const b = cpu()
const scene = viz.layoutOrdered(m, order, opts)
const c = cpu()
const svg = viz.toSvg(scene)
const d = cpu()
process.stdout.write(JSON.stringify({ orderMs: Math.round(b - a), layoutMs: Math.round(c - b), svgMs: Math.round(d - c), totalMs: Math.round(d - a), svgBytes: Buffer.byteLength(svg), samples: m.samples.length }) + '\n')
