# re.Pattern: attributes, repr, equality, copies and argument errors.
import copy
import re

p = re.compile(r'(?P<a>x)(y)(?P<b>z)?', re.I)
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__, dict(p.groupindex))
print(re.compile('a').groupindex, re.compile('a').groups, re.compile(b'a').flags, re.compile('a').flags)
print(repr(p))
for flags in [0, re.I, re.M | re.S, re.X, re.A, re.A | re.I, re.U, re.DEBUG & 0, re.I | re.M | re.S | re.X]:
    print(repr(re.compile('ab', flags)))
print(repr(re.compile(b'ab', re.I | re.L)), repr(re.compile(b'a')))
print(repr(re.compile('x' * 300)))
print(repr(re.compile("it's \"quoted\"\n")))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'))
print(re.compile('a') == re.compile(b'a'), re.compile('a') == 'a', hash(re.compile('ab')) == hash(re.compile('ab')))
print(copy.copy(p) is p, copy.deepcopy(p) is p, re.compile(p) is p)
print(re.Pattern, re.Pattern[bytes], type(p).__name__, type(p).__module__, type(p).__qualname__)
import copyreg
f, args = copyreg.dispatch_table[re.Pattern](p)
print(f.__name__, args, f(*args) == p)
for f in (lambda: re.Pattern(), lambda: p.match(), lambda: p.match('a', 'x'), lambda: p.match('a', 1.5),
          lambda: p.match(5), lambda: p.match(b'xy'), lambda: re.compile(b'x').match('x'),
          lambda: p.search('xy', pos=0, bogus=1), lambda: p.sub('a'), lambda: p.split('a', 'b'),
          lambda: re.compile(p, re.I), lambda: p.findall(None), lambda: p.match('a', 1, 2, 3)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
