import _string
for s in ['a{0!r:>5}b{{c}}', '', '{}', '{:{}}x', '{0.x[1]!s}', '}}', '{{', 'ab{x[}y]}cd', '{0!r}', '{a:}', 'héllo{é!r:é}ü']:
  print(repr(s), list(_string.formatter_parser(s)))
for s in ['a}', 'a{', '{!}', '{!r', '{0!rx}', '{a{b}', '{[}', '{a[b}', '{!', '{0!r:', 'x{']:
  try: print(list(_string.formatter_parser(s)))
  except Exception as e: print(repr(s), type(e).__name__, e)
for s in ['', 'a', '0.b[c][1]', '12', 'a.b.c', 'a[0]x', 'a.', 'a[', 'a..b', 'a[]', '0[00]', '99999999999999999999999']:
  try:
    f, r = _string.formatter_field_name_split(s); print(repr(s), repr(f), list(r))
  except Exception as e: print(repr(s), type(e).__name__, e)
it = _string.formatter_parser('a}'); print(type(it))
try: _string.formatter_parser(1)
except TypeError as e: print(e)
