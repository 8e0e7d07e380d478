// yaml-syntax: parser errors at the parser's position, every duplicate key, alias problems, several documents.
import { runRuleTests } from '../rule-tester.js'
import { yamlSyntax } from '../../src/rules/yaml-syntax.js'

runRuleTests(yamlSyntax, {
  valid: [
    { yaml: 'a: 1\nb: 2\n' },
    { yaml: '' },
    { yaml: '# only a comment\n' },
    { name: 'an anchor used after it is defined', yaml: 'base: &b {x: 1}\nother: *b\n' },
    { name: 'merge keys are not duplicates', yaml: 'base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n' },
    { name: 'same key in different mappings', yaml: 'a:\n  x: 1\nb:\n  x: 2\n' },
    { name: 'CRLF line endings', yaml: 'a: 1\r\nb: 2\r\n' },
    { name: 'a BOM', yaml: '\uFEFFa: 1\n' },
    { name: 'an explicit document start', yaml: '---\na: 1\n' },
  ],
  invalid: [
    {
      name: 'a duplicate top-level key, at the second occurrence',
      yaml: 'a: 1\nb: 2\na: 3\n',
      findings: [
        {
          messageId: 'duplicateKey',
          message: 'Duplicate key "a" (first defined at line 1): the bot silently uses this last value',
          path: '/a',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 2,
        },
      ],
    },
    {
      name: 'every repeat of a key is reported, each naming the first line',
      yaml: 'scalping:\n  leverage: 3\n  leverage: 5\n  symbols: []\n  leverage: 10\n',
      findings: [
        { messageId: 'duplicateKeyOverridden', message: 'Duplicate key "leverage" (first defined at line 2): this value is silently replaced by the one at line 5', path: '/scalping/leverage', line: 3, column: 3, endLine: 3, endColumn: 11 },
        { messageId: 'duplicateKey', message: 'Duplicate key "leverage" (first defined at line 2): the bot silently uses this last value', path: '/scalping/leverage', line: 5, column: 3, endLine: 5, endColumn: 11 },
      ],
    },
    {
      name: 'duplicates in a flow mapping',
      yaml: 'p: {x: 1, y: 2, x: 3}\n',
      findings: [{ messageId: 'duplicateKey', path: '/p/x', line: 1, column: 17, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'keys equal as PyYAML constructs them (quoted and plain)',
      yaml: 'a: 1\n"a": 2\n',
      findings: [{ messageId: 'duplicateKey', line: 2, column: 1, endLine: 2, endColumn: 4, path: '/a' }],
    },
    {
      name: 'a tab used as indentation',
      yaml: 'a:\n\tb: 1\n',
      findings: [{ messageId: 'syntaxError', message: 'YAML syntax error: Tabs are not allowed as indentation', line: 2, column: 1, endLine: 2, endColumn: 2, path: '' }],
    },
    {
      name: 'one bad indent gives one finding, not a cascade',
      yaml: 'a:\n  b: 1\n c: 2\n  d: 3\ne: [1, 2\nf: 4\n',
      findings: [{ messageId: 'syntaxError', message: "YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block mapping at line 1, column 1)", line: 3, column: 2, endLine: 3, endColumn: 3, path: '' }],
    },
    {
      name: 'an unclosed flow sequence',
      yaml: 'a: [1, 2\nb: 3\n',
      findings: [{ messageId: 'syntaxError', line: 2, column: 2, path: '', endLine: 2, endColumn: 3 }],
    },
    {
      name: 'an alias with no anchor',
      yaml: 'a: 1\nb: *missing\n',
      findings: [{ messageId: 'unresolvedAlias', message: 'Alias "*missing" has no anchor "&missing" defined before it', line: 2, column: 4, endLine: 2, endColumn: 12, path: '' }],
    },
    {
      name: 'an alias bomb',
      yaml: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      findings: [{ messageId: 'aliasBomb', message: 'Alias "*a" expands past 1,000 nodes: a resource-exhaustion ("billion laughs") pattern', line: 2, column: 8, path: '', endLine: 2, endColumn: 10 }],
    },
    {
      name: 'a second document',
      yaml: 'a: 1\n---\nb: 2\n',
      findings: [{ messageId: 'multipleDocuments', line: 2, column: 1, endLine: 2, endColumn: 4, path: '' }],
    },
    {
      name: 'a tag the safe loader cannot construct',
      yaml: 'a: !!python/object:os.system ls\n',
      findings: [{ messageId: 'unknownTag', line: 1, column: 4, path: '', endLine: 1, endColumn: 29 }],
    },
    {
      name: 'a control character',
      yaml: 'a: "x\u0007y"\n',
      findings: [{ messageId: 'nonPrintable', message: "Character U+0007 is not allowed in YAML: the bot's loader rejects the file", line: 1, column: 6, endLine: 1, endColumn: 7, path: '' }],
    },
  ],
})
