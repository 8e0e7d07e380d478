# The PyYAML side of the differential test: loads each input as the bot does and prints what PyYAML made of it.
#
# Input (stdin): one input per line, '>' and the base64 of the file's bytes. Output (stdout): one JSON object per input, in order:
#   {"ok": true, "data": <tagged>, "dups": [[line, column], ...]}
#   {"ok": false, "kind": "decode|reader|scanner|parser|composer|constructor|python", "type": "...",
#    "problem": "...", "context": "..." | null, "mark": [line, column] | null}
# Lines and columns are 0-based, as PyYAML's marks are, and count code points (a BOM counts for nothing, as in PyYAML).
#
# The bot (src/config.py, load_yaml_strict) opens the file as text in UTF-8 with universal newlines, reads it whole and
# hands the string to PyYAML: so does this script. Every input is loaded by DupLoader, which is SafeLoader with two
# observers that change nothing: compose_mapping_node notes where each key is written (an alias key's node is the
# anchored one, whose mark is elsewhere), and construct_mapping records repeated keys. Inputs under CROSS_CHECK_BYTES
# are also loaded by yaml.safe_load itself, and a difference between the two is reported as kind "oracle".
import base64
import collections.abc
import datetime
import json
import sys

import yaml

CROSS_CHECK_BYTES = 20000


class DupLoader(yaml.SafeLoader):
    """SafeLoader that records the key nodes of repeated explicit keys (merged keys are not repeats)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.dups = []
        self.key_marks = {}

    def compose_mapping_node(self, anchor):
        # composer.py's compose_mapping_node, noting the mark of each key's first event (the alias, for an alias key).
        start_event = self.get_event()
        tag = start_event.tag
        if tag is None or tag == '!':
            tag = self.resolve(yaml.MappingNode, None, start_event.implicit)
        node = yaml.MappingNode(tag, [], start_event.start_mark, None, flow_style=start_event.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        while not self.check_event(yaml.MappingEndEvent):
            key_mark = self.peek_event().start_mark
            item_key = self.compose_node(node, None)
            item_value = self.compose_node(node, item_key)
            pair = (item_key, item_value)
            self.key_marks[id(pair)] = (pair, key_mark)
            node.value.append(pair)
        end_event = self.get_event()
        node.end_mark = end_event.end_mark
        return node

    def flatten_mapping(self, node):
        explicit = sum(1 for key, _ in node.value if key.tag != 'tag:yaml.org,2002:merge')
        super().flatten_mapping(node)
        if not hasattr(node, '_explicit'):
            node._explicit = explicit

    def construct_mapping(self, node, deep=False):
        result = super().construct_mapping(node, deep=deep)
        pairs = node.value[len(node.value) - getattr(node, '_explicit', len(node.value)):]
        seen = {}
        for pair in pairs:
            key = self.constructed_objects[pair[0]]
            if key in seen:
                mark = self.key_marks[id(pair)][1] if id(pair) in self.key_marks else pair[0].start_mark
                self.dups.append([mark.line, mark.column])
            else:
                seen[key] = pair
        return result


def line_column(text, index):
    """PyYAML's Reader.forward() line and column rules, up to code point `index`."""
    line = column = 0
    for i in range(index):
        ch = text[i]
        if ch in '\n\x85\u2028\u2029' or (ch == '\r' and (i + 1 >= len(text) or text[i + 1] != '\n')):
            line += 1
            column = 0
        elif ch != '\ufeff':
            column += 1
    return [line, column]


def tagged(value):
    """The value as JSON, with types tagged; shared and recursive containers by id."""
    ids = {}

    def walk(v):
        if v is None:
            return None
        if isinstance(v, bool):
            return ['bool', v]
        if isinstance(v, int):
            return ['int', str(v)]
        if isinstance(v, float):
            return ['float', repr(v)]
        if isinstance(v, str):
            return ['str', v]
        if isinstance(v, bytes):
            return ['bytes', v.hex()]
        if isinstance(v, datetime.datetime):
            offset = v.utcoffset()
            return ['datetime', [v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond],
                    None if offset is None else int(offset.total_seconds())]
        if isinstance(v, datetime.date):
            return ['date', [v.year, v.month, v.day]]
        if isinstance(v, tuple):
            return ['tuple', [walk(x) for x in v]]
        if id(v) in ids:
            return ['ref', ids[id(v)]]
        ids[id(v)] = len(ids)
        if isinstance(v, list):
            return ['list', ids[id(v)], [walk(x) for x in v]]
        if isinstance(v, dict):
            return ['dict', ids[id(v)], [[walk(k), walk(x)] for k, x in v.items()]]
        if isinstance(v, (set, frozenset)):
            return ['set', ids[id(v)], [walk(x) for x in v]]
        return ['unknown', type(v).__name__]

    return walk(value)


def failure(error, text):
    kind = 'python'
    if isinstance(error, yaml.reader.ReaderError):
        kind = 'reader'
    elif isinstance(error, yaml.scanner.ScannerError):
        kind = 'scanner'
    elif isinstance(error, yaml.parser.ParserError):
        kind = 'parser'
    elif isinstance(error, yaml.composer.ComposerError):
        kind = 'composer'
    elif isinstance(error, yaml.constructor.ConstructorError):
        kind = 'constructor'
    out = {'ok': False, 'kind': kind, 'type': type(error).__name__, 'problem': str(error), 'context': None, 'mark': None}
    if isinstance(error, yaml.MarkedYAMLError):
        out['problem'] = error.problem
        out['context'] = error.context
        if error.problem_mark is not None:
            out['mark'] = [error.problem_mark.line, error.problem_mark.column]
    elif isinstance(error, yaml.reader.ReaderError):
        out['mark'] = line_column(text, error.position)
    return out


def load(loader_class, text):
    loader = loader_class(text)
    try:
        return loader.get_single_data(), loader
    finally:
        loader.dispose()


def dumped(value):
    """Tagged data, with a recursion limit high enough for deeply nested data."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100000)
    try:
        return tagged(value)
    finally:
        sys.setrecursionlimit(limit)


def examine(raw):
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as error:
        prefix = raw[:error.start].decode('utf-8').replace('\r\n', '\n').replace('\r', '\n')
        return {'ok': False, 'kind': 'decode', 'type': 'UnicodeDecodeError', 'problem': error.reason,
                'context': None, 'mark': line_column(prefix, len(prefix))}
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    try:
        data, loader = load(DupLoader, text)
        result = {'ok': True, 'data': dumped(data), 'dups': loader.dups}
    except RecursionError:
        result = {'ok': False, 'kind': 'python', 'type': 'RecursionError', 'problem': 'maximum recursion depth exceeded',
                  'context': None, 'mark': None}
    except Exception as error:  # the bot stops on any exception, YAMLError or not (ValueError, KeyError...)
        result = failure(error, text)
    if len(raw) < CROSS_CHECK_BYTES:
        try:
            plain = {'ok': True, 'data': dumped(yaml.safe_load(text))}
        except RecursionError:
            plain = {'ok': False, 'type': 'RecursionError'}
        except Exception as error:
            plain = failure(error, text)
        mine = {k: v for k, v in result.items() if k != 'dups'}
        if plain.get('ok') != mine.get('ok') or (plain.get('ok') and plain['data'] != mine['data']) \
                or (not plain.get('ok') and plain.get('type') != mine.get('type')):
            return {'ok': False, 'kind': 'oracle', 'type': 'Mismatch', 'problem': 'DupLoader and yaml.safe_load differ',
                    'context': None, 'mark': None}
    return result


def main():
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line.startswith('>'):
            continue
        out.write(json.dumps(examine(base64.b64decode(line[1:]))))
        out.write('\n')
    out.flush()


if __name__ == '__main__':
    main()
