import json

data = {"name": "Ferropy", "list": [1, 2.5, -3, 1e100, None, True, False], "nested": {"a": {"b": [[], {}]}},
        "text": "é \u20ac \U0001f600 \n\t\"\\ \x00\x1f", "big": 2 ** 70, "neg": -0.0}
for kwargs in [{}, {"sort_keys": True}, {"indent": 2}, {"ensure_ascii": False}, {"separators": (",", ":")}]:
    s = json.dumps(data, **kwargs)
    print(s)
    print(json.loads(s) == data)
print(json.loads('[1, 2.0, "x\\u00e9\\ud83d\\ude00", {"k": null}, true, false, -1e-3, 12345678901234567890]'))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads('"\\n\\t\\/\\b\\f\\r"'))
for bad in ['{"a": 1,}', '[1, 2', '"unterminated', 'nul', '{"a" 1}', '[1] x', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
try:
    json.dumps({1j: 2})
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", e)
print(json.dumps(float("inf")), json.dumps([float("nan")]), json.dumps("\u2028", ensure_ascii=True), json.dumps({True: 1, None: 2, 1.5: 3}))
print(json.loads("NaN"), json.loads("-Infinity"), json.loads('{"a": 1, "a": 2}'), json.loads("1.5", parse_float=str))
