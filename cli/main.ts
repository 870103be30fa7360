#!/usr/bin/env node
/**
 * The only place an error becomes text and an exit code (STYLE habit 4):
 * 0 success, 1 bad input or usage (file:line:column: message), 2 internal fault.
 */
import { Command, CommanderError } from 'commander'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isInputError } from '../src/errors.js'
import { installInterruptCleanup } from '../src/io/cleanup.js'
import { ReadRegistry } from '../src/io/read-registry.js'
import { VERSION } from '../src/version.js'
import type { CliIO } from './context.js'
import { processIO } from './context.js'
import { COMMANDS } from './commands/index.js'

export function buildProgram(io: CliIO): Command {
  const program = new Command()
  program
    .name('biomarkit')
    .description('Cancer cohort NGS calls + clinical outcomes → alteration matrix, association statistics, oncoplot, report.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText(
      'after',
      `
Examples:
  biomarkit demo --out demo-out
  biomarkit summary cohort.maf.gz --panel my-panel.json --rules tdxd-her2low
  biomarkit scan cohort.maf --clinical clinical.tsv --endpoint orr
  biomarkit oncoplot --manifest manifest.tsv --clinical clinical.tsv --tracks best_response -o plot.svg
  biomarkit fisher 1 5 22 36`,
    )
  for (const register of COMMANDS) {
    const cmd = register(io)
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    program.addCommand(cmd)
  }
  return program
}

/** Run the CLI in-process; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  // One read registry per run: no output may replace a file the run reads (src/io/write.ts). It
  // travels on the run's CliIO to the limits of every read and to the outputs.
  const program = buildProgram({ ...io, registry: new ReadRegistry() })
  try {
    await program.parseAsync(argv, { from: 'user' })
    await io.drain?.()
    return 0
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are "errors" to commander; they already printed.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0
      return e.exitCode === 0 ? 0 : 1
    }
    if (isInputError(e)) {
      io.stderr(`biomarkit: ${e.format()}\n`)
      return 1
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e)
    io.stderr(
      `biomarkit: internal error (this is a bug in biomarkit, not in your input).\n` +
        `Please report it with the command line and, if you can, a small input that triggers it.\n${detail}\n`,
    )
    return 2
  }
}

function isMain(): boolean {
  const arg = process.argv[1]
  if (arg === undefined) return false
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  // EPIPE (e.g. `| head`) is not an error for a CLI; other write errors are reported by
  // processIO's drain (exit 1 naming standard output).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
  })
  // SIGINT/SIGTERM: temporary outputs and --low-memory partition folders removed, exit 130/143.
  installInterruptCleanup()
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`biomarkit: internal error: ${String(e)}\n`)
      process.exitCode = 2
    },
  )
}
