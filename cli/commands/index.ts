/** Every subcommand, in the order `--help` lists them. Each file exports one factory. */
import type { Command } from 'commander'
import type { CliIO } from '../context.js'
import { fisherCommand } from './fisher.js'
import { convertCommand } from './convert.js'
import { summaryCommand } from './summary.js'
import { scanCommand } from './scan.js'
import { oncoplotCommand } from './oncoplot.js'
import { interactionsCommand } from './interactions.js'
import { reportCommand } from './report.js'
import { demoCommand } from './demo.js'
import { tableCommand } from './table.js'
import { forestCommand, kmCommand } from './figures.js'
import { burdenCommand } from './burden.js'
import { lollipopCommand } from './lollipop.js'
import { swimmerCommand } from './swimmer.js'

export type CommandFactory = (io: CliIO) => Command

export const COMMANDS: readonly CommandFactory[] = [demoCommand, summaryCommand, convertCommand, scanCommand, interactionsCommand, oncoplotCommand, lollipopCommand, swimmerCommand, kmCommand, forestCommand, burdenCommand, reportCommand, tableCommand, fisherCommand]
