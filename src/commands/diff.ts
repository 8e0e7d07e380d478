// `lint-config diff <base> <head>` or `lint-config diff --base <rev> <file>`: what a change does to the sizing and the findings.
import { Option, type Command } from 'commander'
import { balanceArgument, collect, configOption, maxBytesOption, type CommandSpec } from './command.js'

import { DIFF_FORMATS as FORMATS } from './diff/formats.js'

interface Flags {
  base?: string
  balance?: number[]
  format: (typeof FORMATS)[number]
  linear?: boolean
  config?: string
  maxBytes?: number
}

function define(command: Command): void {
  command
    .argument('<configs...>', 'the base and the head config, or with --base the one config to compare with its committed version')
    .option('--base <rev>', 'compare the config with its version at this git revision (git show REV:PATH)')
    .option('--balance <usd>', 'a reference balance to compare sizes and exposure at (repeatable; default: the settings file\'s)', collect(balanceArgument))
    .addOption(new Option('-f, --format <name>', 'text, markdown, json, or html (base and head curves on one chart)').choices(FORMATS).default('text'))
    .option('--linear', 'html: a linear balance axis from $0 (default: logarithmic)')
  configOption(command)
  maxBytesOption(command)
}

export const diffCommand: CommandSpec<Flags> = {
  name: 'diff',
  description: 'compare two versions of a config: per-profile fields, per-symbol sizes, overrides, exposure, findings added and fixed',
  define,
  async run(context, files, flags) {
    // Off the lint path: the diff, the sizing model and git load only when diff runs.
    const { runDiff } = await import('./diff/run.js')
    return runDiff(context, files, flags)
  },
}
