import json, json.decoder, json.scanner, json.encoder

print(json.scanner.c_make_scanner is not None, json.encoder.c_make_encoder is not None, json.decoder.scanstring is json.decoder.c_scanstring)
docs = ['{"a": 1,}', '[1, 2', '[1,]', '[1 2]', '"unterminated', 'nul', '{"a" 1}', '{"a": }', '{', '[', '{"a"', '{1: 2}', '[1] x',
        '"\\x"', '"\\u12"', '"\\u12zz"', '"a\x01b"', '', '   ', '-', '-x', '01', '1.', '1e', '1e+', '.5', '"\\ud800\\u"', '{"a": 1 "b": 2}',
        'tru', 'NaN', '-Infinity', 'Infinity', '1E5', '-0', '-0.0e-0', '[true, false, null]', '{"k": {"k": [{}]}}', '"\\"\\\\\\/\\b\\f\\n\\r\\t"']
for doc in docs:
    try:
        print(repr(doc), "->", repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "JSONDecodeError", e, e.pos, e.lineno, e.colno)
print(json.loads('"a\x01b"', strict=False), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('[1.5, 2, NaN]', parse_float=str, parse_int=float, parse_constant=repr))
print(json.decoder.scanstring('"abc" x', 1), json.decoder.scanstring('a\\u00e9\\ud83d\\ude00"', 0))
for args in [('"abc', 1), ('"abc"', 10), ('"abc"', -1), (1, 0)]:
    try:
        json.decoder.scanstring(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] tail'), d.scan_once('{"x": 1}', 0))
try:
    d.scan_once("x", 0)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    d.scan_once("x", -1)
except ValueError as e:
    print("ValueError", e)
print(json.loads("1" * 50), json.loads("[" * 50 + "]" * 50) is not None)
