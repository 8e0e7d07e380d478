// The subcommand registry, yamllint-style: an explicit list. The entry without a name is the root command (lint).
import type { CommandSpec } from './command.js'
import { diffCommand } from './diff.js'
import { lintCommand } from './lint.js'
import { chartCommand } from './chart.js'
import { lspCommand } from './lsp.js'
import { explainCommand } from './run-explain.js'

/** Every command the CLI offers; a new subcommand (diff, lsp, ...) is one more entry. */
export const commands: readonly CommandSpec<any>[] = [lintCommand, explainCommand, chartCommand, lspCommand, diffCommand]
