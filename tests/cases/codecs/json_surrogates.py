# json with lone surrogates: \ud800 escapes decode to them, ensure_ascii escapes them.
import json
for doc in ['"\\ud800"', '"a\\udc80b\\ud83d\\ude00"', '{"\\udfff": ["\\ud800x"]}', '"\\ud800\\u0041"', '"\\ud800\\ud800"']:
    v = json.loads(doc)
    print(ascii(v), json.dumps(v), json.loads(json.dumps(v)) == v)
from json import decoder, encoder
print(ascii(decoder.scanstring('"\\udc00"', 1)), encoder.encode_basestring_ascii('\ud800\xe9x'))
print(json.dumps({'k\udc80': '\udbff'}, sort_keys=True), json.dumps(['\ud800'], indent=1))
