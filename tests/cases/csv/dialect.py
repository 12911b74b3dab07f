# Dialect objects: defaults, validation messages, attributes from another object, read-only attributes.
import _csv, copy, pickle
D = _csv.Dialect
d = D()
print(d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
tests = [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None), dict(quotechar=''), dict(quotechar='ab'),
         dict(quotechar=1), dict(quotechar=None), dict(quotechar=None, quoting=0), dict(escapechar=''), dict(escapechar='ab'),
         dict(escapechar=1), dict(escapechar=None), dict(lineterminator=None), dict(lineterminator=1), dict(lineterminator=''),
         dict(quoting=9), dict(quoting=-1), dict(quoting='1'), dict(quoting=1.0), dict(quoting=True), dict(quoting=2**40), dict(doublequote=0),
         dict(delimiter='\n'), dict(quotechar='\n'), dict(delimiter=' ', skipinitialspace=[1]), dict(delimiter='x', quotechar='x'),
         dict(bogus=1), dict(strict=[]), dict(quoting=_csv.QUOTE_NONE, quotechar=None), dict(delimiter='\u20ac', quotechar='\U0001f600')]
for kw in tests:
    try:
        d = D(**kw)
        print(kw, 'ok', repr(d.delimiter), repr(d.quotechar), repr(d.escapechar), repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
    except Exception as e:
        print(kw, type(e).__name__, e)
class Src:
    delimiter = ';'
    quotechar = "'"
    strict = True
d = D(Src)
print(d.delimiter, d.quotechar, d.strict, d.doublequote, repr(d.lineterminator))
d = D(Src(), delimiter='|')
print(d.delimiter, d.quotechar)
e = D(delimiter=':')
print(D(e) is e, D(e, strict=True) is e, D(e, strict=True).delimiter)
class Sub(D):
    pass
s = Sub(delimiter='!')
print(type(s).__name__, s.delimiter, isinstance(s, D), D(s) is s)
for f in [lambda: setattr(d, 'delimiter', ','), lambda: setattr(d, 'strict', 1), lambda: D('nope'), lambda: D(1, 2),
          lambda: copy.copy(d), lambda: copy.deepcopy(d), lambda: pickle.dumps(d)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(D.__module__, D.__name__, D.__qualname__)
