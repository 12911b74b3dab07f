# json encodes and decodes through re patterns (scanner, string chunks).
import json

data = {'name': 'Ünïcødé ☃', 'nums': [1, -2.5, 1e10, 0], 'nested': {'t': True, 'f': False, 'n': None},
        'esc': 'quote " backslash \\ newline \n tab \t ctrl \x01', 'empty': [], 'e2': {}}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.loads(s) == data, json.dumps(data, indent=2, ensure_ascii=False)[:80])
print(json.loads('[1, 2.0, "a\\u00e9\\ud83d\\ude00", {"k": [null, true]}]'))
print(json.loads(' {"a" : 1 ,  "b":[ ] } '), json.dumps([1, 'x'], separators=(',', ':')))
for bad in ['{"a" 1}', '[1,]', '"abc', '{"a": tru}', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
