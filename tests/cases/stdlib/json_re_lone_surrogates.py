# JSON scanning and re groups keep lone surrogates of the input text as they are.
import json, re
from json.decoder import py_scanstring, c_scanstring
s = '"z\\ud834\udd20x12345"'
print(ascii(py_scanstring(s, 1, True)), ascii(c_scanstring(s, 1, True)))
print(ascii(json.loads('["\udd20a\\u00e9", {"k\ud800": "\udfff"}]')))
print(ascii(c_scanstring('"\u00e9\ud800\\n\udc00x"', 1)))
print(ascii(re.match('(.)(.)', '\ud800\udc00x').groups()))
print(ascii(re.findall('.', 'é\udc80')))
import sys
try: c_scanstring(b"xxx", sys.maxsize + 1)
except OverflowError as e: print('OverflowError')
try: c_scanstring(b"xxx", 1)
except TypeError as e: print(e)
