// schema: exact findings for every mapped ajv keyword, sizing-mode branch choice, custom schemas, the generated validator and the real corpus.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { interpolate } from '../../src/engine/report.js'
import { lintText } from '../../src/engine/lint-text.js'
import { compileSchema, schemaRule } from '../../src/rules/schema.js'
import { yamlSyntax } from '../../src/rules/yaml-syntax.js'
import { defaultSettings } from '../../src/settings/normalize.js'
import { CORPUS_ABSENT, CORPUS_DIR, corpusFiles, corpusPresent } from '../helpers/corpus.js'
import { skipAllUnless } from '../helpers/skip.js'
import { runRuleTests, type ExpectedFinding } from '../rule-tester.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A finding on one line: `at(line, column, endColumn)`. */
function at(line: number, column: number, endColumn: number): Pick<ExpectedFinding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line, column, endLine: line, endColumn }
}

/** A profile ladder under scalping.balance_profiles; profile bodies start on line 4. */
const profiles = (body: string): string => `scalping:\n  symbols: [BTC-USDT]\n  balance_profiles:\n${body}`

const PROGRESSIVE = `scalping:
  symbols: ["BTC-USDT", "ETH-USDT", "SOL-USDT", "DOGE-USDT", "XRP-USDT"]
  leverage: 5
  balance_profiles:
    micro:  { threshold: 500.0,    min_balance: 100.0,  size_at_min: 30.0,  size_at_max: 50.0,  progressive: true,
              base_position_usd: 50.0, min_position_usd: 30.0, max_position_usd: 70.0,
              max_open_positions: 5, max_position_percent: 25.0 }
    small:  { threshold: 1500.0,   min_balance: 500.0,  size_at_min: 50.0,  size_at_max: 150.0, progressive: true }
    medium: { threshold: 3000.0,   min_balance: 1500.0, size_at_min: 150.0, size_at_max: 200.0, progressive: true }
    large:  { threshold: 999999.0, min_balance: 3000.0, max_balance: 10000.0, size_at_min: 200.0, size_at_max: 300.0, progressive: true }
  adaptive_regime:
    trending: { position_size_multiplier: 1.1 }
    symbol_profiles:
      BTC-USDT:
        position_multiplier: 1.2
        trending:
          position: { base_position_usd: 42.0, min_position_usd: 28.0, max_position_usd: 65.0 }
risk:
  max_position_size_percent: 20.0
  max_open_positions: 5
  base: { position_override_tolerance_percent: 50.0 }
futures_modules:
  max_size_limiter: { max_single_size_usd: 150.0, max_total_size_usd: 600.0, max_positions: 5, size_step_btc: 0.001 }
`

/** Two tagged forms reached through $ref, as user schemas often write them: errors come from the definitions' paths. */
const TAGGED = {
  definitions: {
    usd: { type: 'object', title: 'a USD size', required: ['kind', 'usd'], properties: { kind: { const: 'usd' }, usd: { type: 'number', maximum: 500 } } },
    percent: { type: 'object', title: 'a percent size', required: ['kind', 'percent'], properties: { kind: { const: 'percent' }, percent: { type: 'number' } } },
  },
  properties: {
    size: { anyOf: [{ $ref: '#/definitions/usd' }, { $ref: '#/definitions/percent' }] },
    nested: { anyOf: [{ type: 'string' }, { type: 'object', properties: { size: { oneOf: [{ $ref: '#/definitions/usd' }, { $ref: '#/definitions/percent' }] } } }] },
  },
}

/** Every custom-schema case validates `value` under this wrapper, so findings sit on line 1 after `value: `. */
const custom = (schema: Record<string, unknown>): { schema: Record<string, unknown> } => ({
  schema: { type: 'object', properties: { value: schema } },
})

runRuleTests(schemaRule, {
  valid: [
    { name: 'the SPEC example: progressive profiles, a symbol profile, risk caps, size limiter', yaml: PROGRESSIVE },
    {
      name: 'fixed profiles (progressive absent or false)',
      yaml: profiles(`    small: { threshold: 1500, base_position_usd: 50 }\n    large: { threshold: 999999, base_position_usd: 100, progressive: false }\n`),
    },
    {
      name: 'a fixed profile may keep unused size fields (auto mode reads base_position_usd)',
      yaml: profiles(`    small: { threshold: 1500, min_balance: 500, size_at_min: 50, size_at_max: 150, base_position_usd: 60 }\n`),
    },
    {
      name: 'percent profiles: no size field, max_position_percent set',
      yaml: profiles(`    small: { threshold: 1500, max_position_percent: 10, min_position_usd: 15, max_open_positions: 4 }\n`),
    },
    {
      name: 'YAML 1.1 scalars: yes is true, 1_000.0 is a number',
      yaml: 'scalping:\n  enabled: yes\n  symbols: [BTC-USDT]\n  balance_profiles:\n    small: { threshold: 1_000.0, base_position_usd: 50 }\n',
    },
    {
      name: 'unknown keys are fine outside the sizing paths',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  brand_new_knob: 3\n  adaptive_regime:\n    detection: { lookback_candles: 50, new_flag: true }\nfutures_modules:\n  new_module: { enabled: true }\nnew_section: { a: 1 }\n',
    },
    {
      name: 'the oldest layout (no scalping section) is a mapping of sections',
      yaml: 'api:\n  key: your_api_key_here\nfutures:\n  leverage: 3\nrisk:\n  max_position_size: 500.0\n  max_drawdown: 0.05\n',
    },
    {
      name: 'a custom schema replaces the bundled one',
      yaml: 'value: 3\nanything: [1, 2]\n',
      options: custom({ type: 'integer' }),
    },
  ],
  invalid: [
    // --- the root
    {
      name: 'empty file',
      yaml: '',
      findings: [{ messageId: 'emptyConfig', message: 'The config is empty: the bot expects a mapping of sections (scalping, risk, futures_modules, ...)', path: '', ...at(1, 1, 1) }],
    },
    {
      name: 'a file with only comments is empty too',
      yaml: '# nothing yet\n',
      findings: [{ messageId: 'emptyConfig', path: '', ...at(1, 1, 14) }],
    },
    {
      name: 'root is a list',
      yaml: '- scalping\n- risk\n',
      findings: [
        {
          messageId: 'rootNotMapping',
          message: 'The config must be a mapping of sections (scalping, risk, futures_modules, ...), got a list',
          path: '',
          ...at(1, 1, 11),
        },
      ],
    },
    {
      name: 'root is a scalar',
      yaml: 'scalping\n',
      findings: [{ messageId: 'rootNotMapping', message: 'The config must be a mapping of sections (scalping, risk, futures_modules, ...), got the string "scalping"', path: '', ...at(1, 1, 9) }],
    },

    // --- types and ranges on the sizing paths
    {
      name: 'leverage 200',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  leverage: 200\n',
      findings: [{ messageId: 'maximum', message: 'leverage must be at most 125, got 200', path: '/scalping/leverage', ...at(3, 13, 16) }],
    },
    {
      name: 'leverage 0',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  leverage: 0\n',
      findings: [{ messageId: 'minimum', message: 'leverage must be at least 1, got 0', path: '/scalping/leverage', ...at(3, 13, 14) }],
    },
    {
      name: 'numbers as strings',
      yaml: profiles('    small: { threshold: "1500", base_position_usd: 50 }\n'),
      findings: [
        { messageId: 'type', message: 'threshold must be a number, got the string "1500"', path: '/scalping/balance_profiles/small/threshold', ...at(4, 25, 31) },
      ],
    },
    {
      name: 'threshold 0',
      yaml: profiles('    small: { threshold: 0, base_position_usd: 50 }\n'),
      findings: [{ messageId: 'exclusiveMinimum', message: 'threshold must be greater than 0, got 0', path: '/scalping/balance_profiles/small/threshold', ...at(4, 25, 26) }],
    },
    {
      name: '.nan and .inf are not numbers the bot can size with',
      yaml: profiles('    small: { threshold: .inf, base_position_usd: .nan }\n    large: { threshold: -.inf, base_position_usd: 50 }\n'),
      findings: [
        { messageId: 'notFinite', message: 'threshold must be a finite number, got .inf', path: '/scalping/balance_profiles/small/threshold', ...at(4, 25, 29) },
        { messageId: 'notFinite', message: 'base_position_usd must be a finite number, got .nan', path: '/scalping/balance_profiles/small/base_position_usd', ...at(4, 50, 54) },
        { messageId: 'notFinite', message: 'threshold must be a finite number, got -.inf', path: '/scalping/balance_profiles/large/threshold', ...at(5, 25, 30) },
      ],
    },
    {
      name: 'a whole number of positions',
      yaml: 'risk:\n  max_open_positions: 2.5\n',
      findings: [{ messageId: 'type', message: 'max_open_positions must be a whole number, got 2.5', path: '/risk/max_open_positions', ...at(2, 23, 26) }],
    },
    {
      name: 'a percent above 100 and a multiplier of 0',
      yaml: 'risk:\n  base: { position_override_tolerance_percent: 150 }\nscalping:\n  symbols: [BTC-USDT]\n  adaptive_regime:\n    symbol_profiles:\n      BTC-USDT: { position_multiplier: 0 }\n',
      findings: [
        { messageId: 'maximum', message: 'position_override_tolerance_percent must be at most 100, got 150', path: '/risk/base/position_override_tolerance_percent', ...at(2, 48, 51) },
        { messageId: 'exclusiveMinimum', message: 'position_multiplier must be greater than 0, got 0', path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/position_multiplier', ...at(7, 40, 41) },
      ],
    },
    {
      name: 'symbols: a list of unique OKX ids',
      yaml: 'scalping:\n  symbols: [BTC-USDT, btc-usdt, BTC-USDT]\n',
      findings: [
        {
          messageId: 'pattern',
          message: 'symbols[1] must match the pattern /^[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?$/ (e.g. "BTC-USDT"), got the string "btc-usdt"',
          path: '/scalping/symbols/1',
          ...at(2, 23, 31),
        },
        { messageId: 'uniqueItems', message: 'symbols[2] repeats "BTC-USDT", already listed at symbols[0]', path: '/scalping/symbols/2', ...at(2, 33, 41) },
      ],
    },
    {
      name: 'symbols: at least one',
      yaml: 'scalping:\n  symbols: []\n',
      findings: [{ messageId: 'minItems', message: 'symbols must list at least 1 item(s), got 0', path: '/scalping/symbols', ...at(2, 12, 14) }],
    },
    {
      name: 'symbols: a string instead of a list',
      yaml: 'scalping:\n  symbols: BTC-USDT\n',
      findings: [{ messageId: 'type', message: 'symbols must be a list, got the string "BTC-USDT"', path: '/scalping/symbols', ...at(2, 12, 20) }],
    },
    {
      name: 'an enum',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  margin_mode: crossed\n',
      findings: [{ messageId: 'enum', message: 'margin_mode must be one of "cross" or "isolated", got the string "crossed"', path: '/scalping/margin_mode', ...at(3, 16, 23) }],
    },
    {
      name: 'a section that is a scalar (YAML 1.1 `on` is true) and one that is a list',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  adaptive_regime: on\nrisk: []\n',
      findings: [
        { messageId: 'type', message: 'adaptive_regime must be a mapping, got true', path: '/scalping/adaptive_regime', ...at(3, 20, 22) },
        { messageId: 'type', message: 'risk must be a mapping, got an empty list', path: '/risk', ...at(4, 7, 9) },
      ],
    },
    {
      name: 'an empty balance_profiles',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  balance_profiles: {}\n',
      findings: [{ messageId: 'minProperties', message: 'balance_profiles must have at least 1 key(s), got 0', path: '/scalping/balance_profiles', ...at(3, 21, 23) }],
    },

    // --- required keys and sizing modes
    {
      name: 'scalping without symbols: reported at its key',
      yaml: 'scalping:\n  leverage: 5\n',
      findings: [{ messageId: 'required', message: 'scalping is missing "symbols"', path: '/scalping', ...at(1, 1, 9) }],
    },
    {
      name: 'a misspelt size_at_max: one finding, at the typo, with the suggestion (not also "missing size_at_max")',
      yaml: profiles('    small:\n      threshold: 1500\n      progressive: true\n      min_balance: 500\n      size_at_min: 50\n      sise_at_max: 150\n'),
      findings: [
        {
          messageId: 'additionalProperties',
          message: 'Unknown key "sise_at_max" in scalping.balance_profiles.small (did you mean "size_at_max"?)',
          path: '/scalping/balance_profiles/small/sise_at_max',
          ...at(9, 7, 18),
        },
      ],
    },
    {
      name: 'a typo explains one missing key; another missing key is still reported',
      yaml: profiles('    small:\n      threshold: 1500\n      progressive: true\n      size_at_min: 50\n      sise_at_max: 150\n'),
      findings: [
        {
          messageId: 'required',
          message:
            'scalping.balance_profiles.small is missing "min_balance" (progressive sizing needs progressive: true, min_balance, size_at_min and size_at_max)',
          path: '/scalping/balance_profiles/small',
          ...at(4, 5, 10),
        },
        {
          messageId: 'additionalProperties',
          message: 'Unknown key "sise_at_max" in scalping.balance_profiles.small (did you mean "size_at_max"?)',
          path: '/scalping/balance_profiles/small/sise_at_max',
          ...at(8, 7, 18),
        },
      ],
    },
    {
      name: 'progressive: true is judged as progressive even with base_position_usd: one finding for all missing keys',
      yaml: profiles('    small: { threshold: 1500, progressive: true, base_position_usd: 50 }\n'),
      findings: [
        {
          messageId: 'required',
          message:
            'scalping.balance_profiles.small is missing "min_balance", "size_at_min" and "size_at_max" (progressive sizing needs progressive: true, min_balance, size_at_min and size_at_max)',
          ...at(4, 12, 73),
          path: '/scalping/balance_profiles/small',
        },
      ],
    },
    {
      name: 'size fields without progressive: true fit progressive best',
      yaml: profiles('    small: { threshold: 1500, min_balance: 500, size_at_min: 50, size_at_max: 150, max_position_percent: 10 }\n'),
      findings: [
        {
          messageId: 'required',
          message: 'scalping.balance_profiles.small is missing "progressive" (progressive sizing needs progressive: true, min_balance, size_at_min and size_at_max)',
          ...at(4, 12, 110),
          path: '/scalping/balance_profiles/small',
        },
      ],
    },
    {
      name: 'progressive: false with size fields only: judged as fixed',
      yaml: profiles('    small: { threshold: 1500, progressive: false, min_balance: 500, size_at_min: 50, size_at_max: 150 }\n'),
      findings: [
        {
          messageId: 'required',
          message: 'scalping.balance_profiles.small is missing "base_position_usd" (fixed sizing needs base_position_usd)',
          ...at(4, 12, 104),
          path: '/scalping/balance_profiles/small',
        },
      ],
    },
    {
      name: 'percent sizing has no size field',
      yaml: profiles('    small:\n      threshold: 1500\n      max_position_percent: 10\n      size_at_min: 40\n'),
      findings: [
        {
          messageId: 'notAllowed',
          message:
            'size_at_min is not allowed here: size_at_min and size_at_max are read only with progressive: true (percent sizing needs max_position_percent and no size field)',
          path: '/scalping/balance_profiles/small/size_at_min',
          ...at(7, 7, 18),
        },
      ],
    },
    {
      name: 'a profile that fits no mode names every mode, once',
      yaml: profiles('    small:\n      threshold: 1500\n      max_open_positions: 4\n'),
      findings: [
        {
          messageId: 'noBranch',
          message:
            'small fits none of the allowed forms: progressive sizing needs progressive: true, min_balance, size_at_min and size_at_max; fixed sizing needs base_position_usd; percent sizing needs max_position_percent and no size field',
          ...at(4, 5, 10),
          path: '/scalping/balance_profiles/small',
        },
      ],
    },
    {
      name: 'progressive as a string: one type finding, no const noise from the mode branches',
      yaml: profiles('    small: { threshold: 1500, progressive: "true", min_balance: 500, size_at_min: 50, size_at_max: 150 }\n'),
      findings: [{ messageId: 'type', message: 'progressive must be true or false, got the string "true"', path: '/scalping/balance_profiles/small/progressive', ...at(4, 44, 50) }],
    },
    {
      name: 'a profile that is not a mapping: one finding',
      yaml: profiles('    small: 5\n'),
      findings: [{ messageId: 'type', message: 'small must be a mapping, got 5', path: '/scalping/balance_profiles/small', ...at(4, 12, 13) }],
    },

    // --- unknown keys
    {
      name: 'unknown keys in the strict objects, with and without a suggestion',
      yaml: 'futures_modules:\n  max_size_limiter: { max_single_size_usd: 150, max_total_size: 600, colour: red }\nrisk:\n  base:\n    min_balace_usd: 20\n',
      findings: [
        {
          messageId: 'additionalProperties',
          message: 'Unknown key "max_total_size" in futures_modules.max_size_limiter (did you mean "max_total_size_usd"?)',
          path: '/futures_modules/max_size_limiter/max_total_size',
          ...at(2, 49, 63),
        },
        { messageId: 'additionalProperties', message: 'Unknown key "colour" in futures_modules.max_size_limiter', path: '/futures_modules/max_size_limiter/colour', ...at(2, 70, 76) },
        { messageId: 'additionalProperties', message: 'Unknown key "min_balace_usd" in risk.base (did you mean "min_balance_usd"?)', path: '/risk/base/min_balace_usd', ...at(5, 5, 19) },
      ],
    },
    {
      name: 'an unknown key in a regime position override',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  adaptive_regime:\n    symbol_profiles:\n      BTC-USDT:\n        ranging:\n          position: { base_position_usd: 38, max_positon_usd: 58 }\n',
      findings: [
        {
          messageId: 'additionalProperties',
          message: 'Unknown key "max_positon_usd" in scalping.adaptive_regime.symbol_profiles.BTC-USDT.ranging.position (did you mean "max_position_usd"?)',
          ...at(7, 46, 61),
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/ranging/position/max_positon_usd',
        },
      ],
    },
    {
      name: '__proto__ and constructor are just unknown keys',
      yaml: profiles('    small:\n      threshold: 1500\n      base_position_usd: 50\n      __proto__: { polluted: 1 }\n      constructor: 2\n'),
      findings: [
        { messageId: 'additionalProperties', message: 'Unknown key "__proto__" in scalping.balance_profiles.small', path: '/scalping/balance_profiles/small/__proto__', ...at(7, 7, 16) },
        { messageId: 'additionalProperties', message: 'Unknown key "constructor" in scalping.balance_profiles.small', ...at(8, 7, 18), path: '/scalping/balance_profiles/small/constructor' },
      ],
    },

    // --- layout mistakes seen in the corpus
    {
      name: 'a section whose entries lost their indentation: one finding that names them',
      yaml: 'risk:\n  adaptive_minimums:\n  small: { balance_threshold: 1500, minimum_order_usd: 5 }\n  medium: { balance_threshold: 2300, minimum_order_usd: 10 }\n  max_open_positions: 5\n  max_open_positon: 5\n',
      findings: [
        {
          messageId: 'emptySectionOrphans',
          message: 'adaptive_minimums is empty (null) but must be a mapping: the keys after it ("small" and "medium") are not indented under it',
          path: '/risk/adaptive_minimums',
          ...at(2, 3, 20),
        },
        { messageId: 'additionalProperties', message: 'Unknown key "max_open_positon" in risk (did you mean "max_open_positions"?)', path: '/risk/max_open_positon', ...at(6, 3, 19) },
      ],
    },
    {
      name: 'an empty section in an open parent',
      yaml: 'exit_params:\n  trending:\n  tp_percent: 2.0\n',
      findings: [{ messageId: 'emptySection', message: 'trending is empty (null) but must be a mapping: indent the keys that belong to it under it', path: '/exit_params/trending', ...at(2, 3, 11) }],
    },
    {
      name: 'a regime nested in another regime',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  adaptive_regime:\n    symbol_profiles:\n      BTC-USDT:\n        ranging:\n          tp_percent: 6.0\n          choppy:\n          sl_percent: 1.5\n',
      findings: [
        {
          messageId: 'notAllowed',
          message:
            "choppy is not allowed here: a regime cannot sit inside another regime: it belongs one level up, next to trending, ranging and choppy (the lines after it now override this regime's keys)",
          path: '/scalping/adaptive_regime/symbol_profiles/BTC-USDT/ranging/choppy',
          ...at(8, 11, 17),
        },
      ],
    },
    {
      name: 'one key that is not a symbol',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  adaptive_regime:\n    symbol_profiles:\n      BTCUSDT: { position_multiplier: 1.2 }\n',
      findings: [
        {
          messageId: 'invalidKeyName',
          message: 'Key "BTCUSDT" is not allowed in scalping.adaptive_regime.symbol_profiles: keys of symbol_profiles must be symbols such as "BTC-USDT"',
          path: '/scalping/adaptive_regime/symbol_profiles/BTCUSDT',
          ...at(5, 7, 14),
        },
      ],
    },
    {
      name: 'settings indented into by_symbol: one finding for all of them, none for their values',
      yaml: 'scalping:\n  symbols: [BTC-USDT]\n  by_symbol:\n    BTC-USDT: { min_adx: 15 }\n    tp_percent: 7.0\n    sl_percent: 1.3\n    risk_config:\n    order_type: limit\n    enabled: true\n',
      findings: [
        {
          messageId: 'invalidKeyNames',
          message:
            'scalping.by_symbol has 5 keys that are not allowed there ("tp_percent", "sl_percent", "risk_config" and 2 more): keys of by_symbol must be symbols such as "BTC-USDT"; scalping settings belong one level up',
          path: '/scalping/by_symbol/tp_percent',
          ...at(5, 5, 15),
        },
      ],
    },

    // --- every other keyword, through custom schemas (line 1: `value: ...`)
    {
      name: 'custom: exclusiveMaximum',
      yaml: 'value: 10\n',
      options: custom({ type: 'number', exclusiveMaximum: 10 }),
      findings: [{ messageId: 'exclusiveMaximum', message: 'value must be less than 10, got 10', path: '/value', ...at(1, 8, 10) }],
    },
    {
      name: 'custom: multipleOf',
      yaml: 'value: 0.3\n',
      options: custom({ type: 'number', multipleOf: 0.25 }),
      findings: [{ messageId: 'multipleOf', message: 'value must be a multiple of 0.25, got 0.3', path: '/value', ...at(1, 8, 11) }],
    },
    {
      name: 'custom: const',
      yaml: 'value: futures\n',
      options: custom({ const: 'spot' }),
      findings: [{ messageId: 'const', message: 'value must be "spot", got the string "futures"', path: '/value', ...at(1, 8, 15) }],
    },
    {
      name: 'custom: minLength',
      yaml: 'value: ab\n',
      options: custom({ type: 'string', minLength: 3 }),
      findings: [{ messageId: 'minLength', message: 'value must be at least 3 characters long, got the string "ab"', path: '/value', ...at(1, 8, 10) }],
    },
    {
      name: 'custom: maxLength',
      yaml: 'value: abcd\n',
      options: custom({ type: 'string', maxLength: 3 }),
      findings: [{ messageId: 'maxLength', message: 'value must be at most 3 characters long, got the string "abcd"', path: '/value', ...at(1, 8, 12) }],
    },
    {
      name: 'custom: maxItems',
      yaml: 'value: [1, 2, 3]\n',
      options: custom({ type: 'array', maxItems: 2 }),
      findings: [{ messageId: 'maxItems', message: 'value must list at most 2 item(s), got 3', path: '/value', ...at(1, 8, 17) }],
    },
    {
      name: 'custom: additionalItems (a tuple with one item too many)',
      yaml: 'value: [1, 2, 3]\n',
      options: custom({ type: 'array', items: [{}, {}], additionalItems: false }),
      findings: [{ messageId: 'maxItems', message: 'value must list at most 2 item(s), got 3', path: '/value', ...at(1, 8, 17) }],
    },
    {
      name: 'custom: contains',
      yaml: 'value: [a, b]\n',
      options: custom({ type: 'array', contains: { const: 'BTC-USDT' } }),
      findings: [{ messageId: 'contains', message: 'value must contain at least 1 matching item(s)', path: '/value', ...at(1, 8, 14) }],
    },
    {
      name: 'custom: maxProperties',
      yaml: 'value: { a: 1, b: 2 }\n',
      options: custom({ type: 'object', maxProperties: 1 }),
      findings: [{ messageId: 'maxProperties', message: 'value must have at most 1 key(s), got 2', path: '/value', ...at(1, 8, 22) }],
    },
    {
      name: 'custom: dependencies',
      yaml: 'value: { max_balance: 10000 }\n',
      options: custom({ type: 'object', dependencies: { max_balance: ['min_balance'] } }),
      findings: [{ messageId: 'dependencies', message: 'value is missing "min_balance", required when "max_balance" is set', path: '/value', ...at(1, 8, 30) }],
    },
    {
      name: 'custom: false schema forbids the key',
      yaml: 'value: 1\n',
      options: custom(false as unknown as Record<string, unknown>),
      findings: [{ messageId: 'notAllowed', message: 'value is not allowed here', path: '/value', ...at(1, 1, 6) }],
    },
    {
      name: 'custom: not with a schema points at the value',
      yaml: 'value: 5\n',
      options: custom({ not: { type: 'integer' }, description: 'a whole number here means a typo' }),
      findings: [{ messageId: 'notAllowed', message: 'value is not allowed here: a whole number here means a typo', path: '/value', ...at(1, 8, 9) }],
    },
    {
      name: 'custom: anyOf of types becomes one type finding',
      yaml: 'value: true\n',
      options: custom({ anyOf: [{ type: 'number' }, { type: 'string' }] }),
      findings: [{ messageId: 'type', message: 'value must be a number or a string, got true', path: '/value', ...at(1, 8, 12) }],
    },
    {
      name: 'custom: oneOf with two passing branches',
      yaml: 'value: 5\n',
      options: custom({ oneOf: [{ type: 'integer', title: 'a count' }, { type: 'number', title: 'an amount' }] }),
      findings: [{ messageId: 'oneOfMultiple', message: 'value fits more than one of the allowed forms (a count and an amount) but must fit exactly one', path: '/value', ...at(1, 8, 9) }],
    },
    {
      name: 'custom: oneOf with no passing branch reports the branch its discriminator picks',
      yaml: 'value: { kind: usd, amount: -1 }\n',
      options: custom({
        oneOf: [
          { type: 'object', title: 'a USD amount', required: ['kind', 'amount'], properties: { kind: { const: 'usd' }, amount: { type: 'number', minimum: 0 } } },
          { type: 'object', title: 'a percent', required: ['kind', 'percent'], properties: { kind: { const: 'percent' } } },
        ],
      }),
      findings: [{ messageId: 'minimum', message: 'amount must be at least 0, got -1', path: '/value/amount', ...at(1, 29, 31) }],
    },
    {
      name: 'custom: if/then reports what then requires, never "must match then schema"',
      yaml: 'value: { progressive: true }\n',
      options: custom({ type: 'object', if: { properties: { progressive: { const: true } } }, then: { required: ['size_at_max'] } }),
      findings: [{ messageId: 'required', message: 'value is missing "size_at_max"', path: '/value', ...at(1, 8, 29) }],
    },
    {
      name: 'custom: $ref branches, judged by their discriminator',
      yaml: 'size: { kind: percent, percent: "5" }\n',
      options: { schema: TAGGED },
      findings: [{ messageId: 'type', message: 'percent must be a number, got the string "5"', path: '/size/percent', ...at(1, 33, 36) }],
    },
    {
      name: 'custom: $ref branches, no discriminator matches: the titles of both',
      yaml: 'size: { kind: bps }\n',
      options: { schema: TAGGED },
      findings: [{ messageId: 'noBranch', message: 'size fits none of the allowed forms: a USD size; a percent size', path: '/size', ...at(1, 7, 20) }],
    },
    {
      name: 'custom: a oneOf inside an anyOf branch: the value is a mapping, so the mapping branch, then the usd form',
      yaml: 'nested:\n  size: { kind: usd, usd: 900 }\n',
      options: { schema: TAGGED },
      findings: [{ messageId: 'maximum', message: 'usd must be at most 500, got 900', path: '/nested/size/usd', ...at(2, 27, 30) }],
    },
    {
      name: 'custom: a missing key at the root',
      yaml: 'other: 1\n',
      options: { schema: { type: 'object', required: ['scalping'] } },
      findings: [{ messageId: 'required', message: 'the config is missing "scalping"', path: '', ...at(1, 1, 9) }],
    },
    {
      name: 'custom 2020-12: dependentRequired and unevaluatedProperties',
      yaml: 'max_balance: 10000\nsize: 5\n',
      options: {
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: { max_balance: { type: 'number' } },
          dependentRequired: { max_balance: ['min_balance'] },
          unevaluatedProperties: false,
        },
      },
      findings: [
        { messageId: 'dependencies', message: 'the config is missing "min_balance", required when "max_balance" is set', path: '', ...at(1, 1, 19) },
        { messageId: 'additionalProperties', message: 'Unknown key "size" in the config', path: '/size', ...at(2, 1, 5) },
      ],
    },
    {
      name: 'custom 2020-12: items: false after prefixItems',
      yaml: 'value: [1, 2]\n',
      options: {
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: { value: { type: 'array', prefixItems: [{}], items: false } },
        },
      },
      findings: [{ messageId: 'maxItems', message: 'value must list at most 1 item(s), got 2', path: '/value', ...at(1, 8, 14) }],
    },
    {
      name: 'custom 2020-12: unevaluatedItems: false',
      yaml: 'value: [1, 2, 3]\n',
      options: {
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: { value: { type: 'array', prefixItems: [{}, {}], unevaluatedItems: false } },
        },
      },
      findings: [{ messageId: 'maxItems', message: 'value must list at most 2 item(s), got 3', path: '/value', ...at(1, 8, 17) }],
    },
  ],
})

describe('schema: duplicate keys', () => {
  const rules = { [yamlSyntax.meta.id]: yamlSyntax, [schemaRule.meta.id]: schemaRule }
  const lint = (yaml: string): string[] =>
    lintText(yaml, defaultSettings(rules), { rules })
      .findings.filter((f) => f.ruleId === 'schema')
      .map((f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`)

  it('judges the LAST value, as the bot does, and points at that occurrence', () => {
    expect(lint('risk:\n  max_open_positions: 0\n  max_open_positions: 5\n  max_open_positions: 0\n')).toEqual([
      '4:23-4:24 max_open_positions must be at least 1, got 0',
    ])
  })

  it('says nothing when only an earlier value is invalid', () => {
    expect(lint('scalping:\n  symbols: [BTC-USDT]\n  leverage: 500\n  leverage: 5\n')).toEqual([])
  })
})

describe('schema: any value anywhere on the sizing paths', () => {
  const base = parse(PROGRESSIVE) as Record<string, unknown>
  const targets = [
    ['scalping', 'leverage'],
    ['scalping', 'symbols'],
    ['scalping', 'balance_profiles'],
    ['scalping', 'balance_profiles', 'small'],
    ['scalping', 'balance_profiles', 'small', 'progressive'],
    ['scalping', 'balance_profiles', 'micro', 'size_at_max'],
    ['scalping', 'adaptive_regime', 'symbol_profiles', 'BTC-USDT', 'trending'],
    ['scalping', 'adaptive_regime', 'symbol_profiles', 'BTC-USDT', 'trending', 'position'],
    ['risk'],
    ['risk', 'base', 'position_override_tolerance_percent'],
    ['futures_modules', 'max_size_limiter'],
  ]
  // Keys and strings from a tame alphabet: the messages quote them, and a key named "{{" is the user's own text.
  const word = fc.stringMatching(/^[a-z_ -]{0,8}$/)
  const value = fc.anything({
    key: word,
    values: [fc.boolean(), fc.integer(), fc.double(), word, fc.constant(null), fc.date({ noInvalidDate: true })],
    maxDepth: 3,
  })

  it('never throws, and every message is clean words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), value, (target, replacement) => {
        const data = structuredClone(base)
        let node = data
        for (const key of target.slice(0, -1)) node = node[key] as Record<string, unknown>
        node[target[target.length - 1]!] = replacement
        const reports = [...schemaRule.check({ data, options: {}, shared: { balances: [], sizingMode: 'auto' } })]
        for (const report of reports) {
          const message = interpolate(schemaRule.meta.messages[report.messageId], report.data)
          expect(message).not.toMatch(/\{\{|undefined|NaN|Infinity|must match (a|exactly|"then"|"else")|must pass/)
        }
      }),
      { seed: 20260303, numRuns: 400 },
    )
  })
})

describe('schema: custom schema compilation', () => {
  it('compiles once per schema object', () => {
    const schema = { type: 'object' }
    expect(compileSchema(schema)).toBe(compileSchema(schema))
    expect(compileSchema({ type: 'object' })).not.toBe(compileSchema(schema))
  })

  it('rejects an invalid schema with one line', () => {
    expect(() => compileSchema({ type: 'nope' })).toThrow(/^the schema option is not a valid JSON Schema: .*type/)
  })
})

describe('schema: the bundled schema', () => {
  const schemaFile = 'schemas/config-futures.schema.json'
  const schema = JSON.parse(readFileSync(path.join(repo, schemaFile), 'utf8')) as Record<string, unknown>

  it('has the public $id, a title and a description', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/lint-config/lint-config/main/schemas/config-futures.schema.json')
    expect(schema.title).toEqual(expect.any(String))
    expect(schema.description).toEqual(expect.any(String))
  })

  it('compiles under ajv strict mode without a warning, and src/generated/ is up to date (else: npm run build)', async () => {
    const compiler = (await import(pathToFileURL(path.join(repo, 'scripts/compile-schemas.mjs')).href)) as {
      generateValidator(file: string, hooks: { warn(message: string): void }): Promise<{ code: string; dts: string }>
    }
    const warnings: string[] = []
    const { code } = await compiler.generateValidator(schemaFile, { warn: (message) => warnings.push(message) })
    expect(warnings).toEqual([])
    expect(readFileSync(path.join(repo, 'src/generated/config-futures.validate.js'), 'utf8')).toBe(code)
  })
})

/** Schema findings per corpus file; every other file has none. Each is a real defect, explained above its group. */
const CORPUS_FINDINGS: Record<string, number> = {
  // A regime block (choppy) indented into ranging for BTC, ETH and SOL: its keys override ranging's, and the symbol has no choppy override.
  '2026-01-06_b3c90f2': 3,
  '2026-01-07_7b2e5bc': 3,
  '2026-01-08_119d16e': 3,
  '2026-01-08_41df1d4': 3,
  '2026-01-09_e15e29e': 3,
  '2026-01-11_1116a3c': 3,
  '2026-01-11_42e284f': 3,
  '2026-01-11_a2e7026': 3,
  '2026-01-12_73b91f2': 3,
  '2026-01-14_f05273a': 3,
  '2026-01-18_3adad5b': 3,
  '2026-01-18_c58410c': 3,
  '2026-01-21_6d80e63': 3,
  // Outdented blocks: scalping settings inside by_symbol; empty position_manager, (order_executor,) adaptive_minimums and exit_params_legacy regimes.
  '2026-01-28_079de1e': 7,
  '2026-02-01_50ae6b8': 7,
  '2026-02-01_9c5d608': 6,
  '2026-02-01_b8aa76c': 7,
  '2026-02-02_05bbb09': 6,
  '2026-02-02_07b38f8': 6,
  '2026-02-02_94abe8e': 6,
  '2026-02-02_b02664b': 6,
  '2026-02-02_f095f7d': 6,
}

describe('schema: the real corpus', () => {
  skipAllUnless(corpusPresent, CORPUS_ABSENT)
  const rules = { [yamlSyntax.meta.id]: yamlSyntax, [schemaRule.meta.id]: schemaRule }
  const settings = defaultSettings(rules)
  const files = corpusFiles()

  it('holds 112 versions', () => {
    expect(files).toHaveLength(112)
  })

  it('reports exactly the pinned real defects, in readable words', () => {
    const counts: Record<string, number> = {}
    for (const file of files) {
      const result = lintText(readFileSync(path.join(CORPUS_DIR, file), 'utf8'), settings, { rules, filePath: file })
      const mine = result.findings.filter((f) => f.ruleId === 'schema')
      for (const f of mine) expect(f.message).not.toMatch(/\{\{|undefined|NaN|Infinity|must match (a|exactly|"then"|"else")|must pass|schema in anyOf/)
      if (mine.length > 0) counts[file.replace(/\.yaml$/, '')] = mine.length
    }
    expect(counts).toEqual(CORPUS_FINDINGS)
  })
})
