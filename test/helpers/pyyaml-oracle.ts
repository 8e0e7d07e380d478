// Runs test/helpers/pyyaml-oracle.py (PyYAML, as the bot loads a file) on many inputs in a few Python processes.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The oracle script, from the repository root (scripts/fuzz.mjs runs a bundle of this file from elsewhere). */
const oracleScript = (repoRoot: string): string => path.join(repoRoot, 'test/helpers/pyyaml-oracle.py')

/** PyYAML's verdict on one input; lines and columns 0-based, in code points (see pyyaml-oracle.py). */
export type OracleResult =
  | { ok: true; data: Tagged; dups: [number, number][] }
  | { ok: false; kind: 'decode' | 'reader' | 'scanner' | 'parser' | 'composer' | 'constructor' | 'python' | 'oracle'; type: string; problem: string; context: string | null; mark: [number, number] | null }

/** PyYAML's data with Python types tagged (null is None). */
export type Tagged =
  | null
  | ['bool', boolean]
  | ['int' | 'float' | 'str' | 'bytes', string]
  | ['date', [number, number, number]]
  | ['datetime', number[], number | null]
  | ['tuple', Tagged[]]
  | ['list' | 'set', number, Tagged[]]
  | ['dict', number, [Tagged, Tagged][]]
  | ['ref', number]
  | ['unknown', string]

export interface PyYAML {
  python: string
  /** PyYAML's version and where it is installed, for the test's output. */
  version: string
}

/**
 * A Python 3 that imports PyYAML: $LINT_CONFIG_PYTHON, else the `python3`s on PATH, Debian's python3-yaml (the one
 * .ci/run installs) first: a pyenv shim early on PATH may have no PyYAML, or a pip one. The reason when there is none.
 */
export function findPyYAML(): PyYAML | { missing: string } {
  const candidates = [process.env.LINT_CONFIG_PYTHON, ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, 'python3'))]
  const tried: string[] = []
  const found: PyYAML[] = []
  for (const python of candidates) {
    if (!python || tried.includes(python) || !existsSync(python)) continue
    tried.push(python)
    const probe = spawnSync(python, ['-c', 'import yaml, sys; sys.stdout.write(yaml.__version__ + " " + yaml.__file__)'], { encoding: 'utf8', timeout: 20_000 })
    if (probe.status !== 0) continue
    if (python === process.env.LINT_CONFIG_PYTHON) return { python, version: probe.stdout.trim() }
    found.push({ python, version: probe.stdout.trim() })
  }
  const debian = found.find((p) => p.version.includes('dist-packages'))
  return debian ?? found[0] ?? { missing: `no python3 with PyYAML (tried ${tried.join(', ') || 'none on PATH'}); install Debian's python3-yaml (apt-get install python3-yaml) or set LINT_CONFIG_PYTHON` }
}

function runBatch(python: string, script: string, inputs: readonly Uint8Array[]): Promise<OracleResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script], { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter((l) => l !== '')
      if (code !== 0 || lines.length !== inputs.length) {
        reject(new Error(`pyyaml-oracle.py exited ${code} after ${lines.length} of ${inputs.length} inputs: ${Buffer.concat(err).toString('utf8').slice(-2000)}`))
        return
      }
      resolve(lines.map((l) => JSON.parse(l) as OracleResult))
    })
    child.stdin.end(inputs.map((bytes) => `>${Buffer.from(bytes).toString('base64')}`).join('\n') + '\n')
  })
}

/** PyYAML's verdict on every input, in order, from `processes` Python processes working side by side. */
export async function runOracle(python: string, repoRoot: string, inputs: readonly Uint8Array[], processes = 2): Promise<OracleResult[]> {
  // Round robin, so that the large inputs (real configs) are shared out too.
  const batches = Array.from({ length: Math.max(1, Math.min(processes, inputs.length)) }, (_, p) => inputs.filter((_, i) => i % processes === p))
  const results = await Promise.all(batches.map((batch) => runBatch(python, oracleScript(repoRoot), batch)))
  return inputs.map((_, i) => results[i % batches.length]![Math.floor(i / batches.length)]!)
}
