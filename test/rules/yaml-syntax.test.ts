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
    // PyYAML loads each of these (issue 15's false alarms).
    { name: '101 aliases of one anchor', yaml: `a: &a x\nb: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n` },
    { name: 'a merge of 102 aliases', yaml: `a: &a {k: 1}\nb:\n  <<: [${Array.from({ length: 102 }, () => '*a').join(', ')}]\n` },
    { name: 'a comment after a flow collection', yaml: 'a: [1, 2] # c\nb: {x: 1}  # d\n' },
    { name: '!!float on an integer', yaml: 'a: !!float 1\n' },
    { name: 'a flow collection over several lines', yaml: 'a: [1,\n  2]\nb: {x: 1,\n  y: 2}\n' },
    { name: 'a line separator inside a flow collection', yaml: 'a: [1,\u2028 2]\n' },
    { name: 'a quoted scalar over several lines', yaml: 'a: "x\n  y"\nb: \'p\n  q\'\n' },
    { name: 'a BOM inside the text (PyYAML reads it as part of the key)', yaml: 'a: 1\n\uFEFFb: 2\n' },
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
      name: 'an anchor defined twice',
      yaml: 'a: &x 1\nb: &x 2\n',
      findings: [{ messageId: 'duplicateAnchor', message: 'Anchor "&x" is defined a second time here (first at line 1): the bot\'s loader (PyYAML) refuses the file', path: '', line: 2, column: 4, endLine: 2, endColumn: 6 }],
    },
    {
      name: 'two %YAML directives',
      yaml: '%YAML 1.1\n%YAML 1.1\n---\na: 1\n',
      findings: [{ messageId: 'syntaxError', message: 'YAML syntax error: found duplicate YAML directive', path: '', line: 2, column: 1, endLine: 2, endColumn: 2 }],
    },
    {
      name: 'an empty key in a block mapping',
      yaml: 'a: 1\n: 2\n',
      findings: [{ messageId: 'syntaxError', message: "YAML syntax error: expected <block end>, but found ':' (while parsing a block mapping at line 1, column 1)", path: '', line: 2, column: 1, endLine: 2, endColumn: 2 }],
    },
    {
      name: 'an anchor name that is not ASCII',
      yaml: 'a: &é 1\n',
      findings: [{ messageId: 'syntaxError', message: "YAML syntax error: expected alphabetic or numeric character, but found 'é' (while scanning an anchor at line 1, column 4)", path: '', line: 1, column: 5, endLine: 1, endColumn: 6 }],
    },
    {
      name: 'a plain = as a value (YAML 1.1 value tag)',
      yaml: 'a: =\n',
      findings: [{ messageId: 'unknownTag', message: 'YAML tag the bot\'s safe loader refuses (it has no constructor for it): a plain = is YAML 1.1\'s "value" key (tag:yaml.org,2002:value), which it cannot construct: quote it', path: '', line: 1, column: 4, endLine: 1, endColumn: 5 }],
    },
    {
      name: '<< as a value',
      yaml: 'a: <<\n',
      findings: [{ messageId: 'unknownTag', message: "YAML tag the bot's safe loader refuses (it has no constructor for it): could not determine a constructor for the tag 'tag:yaml.org,2002:merge'", path: '', line: 1, column: 4, endLine: 1, endColumn: 6 }],
    },
    {
      name: '!!binary that is not base64',
      yaml: 'a: !!binary YQ=\n',
      findings: [{ messageId: 'constructorError', message: "The bot's loader (PyYAML) fails on this value: !!binary data that is not valid base64 (Incorrect padding)", path: '', line: 1, column: 4, endLine: 1, endColumn: 16 }],
    },
    {
      name: 'a date that does not exist',
      yaml: 'a: 2001-02-30\n',
      findings: [{ messageId: 'constructorError', message: "The bot's loader (PyYAML) fails on this value: a date that does not exist (day is out of range for month)", path: '', line: 1, column: 4, endLine: 1, endColumn: 14 }],
    },
    {
      name: '!!int on a decimal',
      yaml: 'a: !!int 1.5\n',
      findings: [{ messageId: 'constructorError', message: "The bot's loader (PyYAML) fails on this value: an integer that does not parse in base 10: '1.5'", path: '', line: 1, column: 4, endLine: 1, endColumn: 13 }],
    },
    {
      name: 'a merge of a null anchor, at the anchored node as PyYAML marks it',
      yaml: 'n: &n ~\nb:\n  <<: *n\n',
      findings: [{ messageId: 'constructorError', message: "The bot's loader (PyYAML) fails on this value: a merge (<<) of a scalar: a merge takes a mapping or a list of mappings", path: '', line: 1, column: 4, endLine: 1, endColumn: 8 }],
    },
    {
      name: 'a merge list holding a scalar',
      yaml: 'a: &a {k: 1}\nb:\n  <<: [*a, 1]\n',
      findings: [{ messageId: 'constructorError', message: "The bot's loader (PyYAML) fails on this value: a merge (<<) list holding a scalar: a merge list takes mappings only", path: '', line: 3, column: 12, endLine: 3, endColumn: 13 }],
    },
    {
      name: 'a recursive structure',
      yaml: 'a: &a [*a]\n',
      findings: [{ messageId: 'recursiveAlias', message: 'Alias "*a" refers to a collection that contains it: the bot loads a recursive structure, which lint-config cannot check', path: '', line: 1, column: 8, endLine: 1, endColumn: 10 }],
    },
    {
      name: 'a duplicate key written as an alias, reported at the alias',
      yaml: 'a: &k x\nm:\n  x: 1\n  *k : 2\n',
      findings: [{ messageId: 'duplicateKey', message: 'Duplicate key "x" (first defined at line 3): the bot silently uses this last value', path: '/m/x', line: 4, column: 3, endLine: 4, endColumn: 5 }],
    },
    {
      name: 'two .nan keys (PyYAML constructs one NaN object for both)',
      yaml: '? .nan\n: 1\n? .nan\n: 2\n',
      findings: [{ messageId: 'duplicateKey', path: '/NaN', line: 3, column: 3, endLine: 3, endColumn: 7 }],
    },
    {
      name: 'a control character',
      yaml: 'a: "x\u0007y"\n',
      findings: [{ messageId: 'nonPrintable', message: "Character U+0007 is not allowed in YAML: the bot's loader rejects the file", line: 1, column: 6, endLine: 1, endColumn: 7, path: '' }],
    },
  ],
})
