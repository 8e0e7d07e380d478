// Runs the CLI's main() in-process with captured output, a chosen working directory, environment and stdin.
import { main, type CliIo } from '../../src/cli.js'

export interface CliRun {
  exitCode: number
  stdout: string
  stderr: string
}

export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: Buffer; tty?: boolean },
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => options.stdin ?? Buffer.alloc(0),
    cwd: options.cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
  }
  const exitCode = await main(['node', 'lint-config', ...args], io)
  return { exitCode, stdout, stderr }
}
