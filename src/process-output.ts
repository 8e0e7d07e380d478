// The process's own stdout and stderr, for a reader that may go away (`| head`) or a disk that may fill (`> /dev/full`).
import { EXIT_USAGE } from './exit-code.js'

/** Writers for the real stdout and stderr, and whether stdout failed (the run must then exit 2). */
export interface ProcessOutput {
  stdout(text: string): void
  stderr(text: string): void
  /** True once a write to stdout failed for another reason than a closed reader. */
  stdoutFailed(): boolean
}

function why(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'no space left on device'
    case 'EIO':
      return 'input/output error'
    case 'EBADF':
      return 'it is closed'
    default:
      return error.message
  }
}

/**
 * Write errors reach a stream's 'error' event, which without a listener throws a stack trace. A reader that closed
 * early (EPIPE, `lint-config | head`) wants nothing more: later output is dropped and the exit code stays the lint's,
 * as `git log | head` behaves. Any other failure (ENOSPC on `> /dev/full`) is one line on stderr and exit code 2.
 * Errors on stderr itself have nowhere to be told and are dropped.
 */
export function processOutput(prefix = 'lint-config'): ProcessOutput {
  let closed = false
  let failed = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed || failed) return
    if (error.code === 'EPIPE') {
      closed = true
      return
    }
    failed = true
    process.exitCode = EXIT_USAGE
    process.stderr.write(`${prefix}: cannot write to standard output: ${why(error)}\n`)
  })
  process.stderr.on('error', () => undefined)
  return {
    stdout: (text) => {
      if (!closed && !failed) process.stdout.write(text)
    },
    stderr: (text) => void process.stderr.write(text),
    stdoutFailed: () => failed,
  }
}
