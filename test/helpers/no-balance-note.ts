// The line the CLI prints once on stderr when a linted file's settings name no reference balance (src/text/no-balance-note.ts).
import { NO_BALANCE_NOTE } from '../../src/text/no-balance-note.js'

/** `lint-config: note: …` and its newline: all of stderr for a run without a balance that has nothing else to say. */
export const NO_BALANCE_LINE = `lint-config: note: ${NO_BALANCE_NOTE}\n`
