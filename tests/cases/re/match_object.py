# re.Match: groups, spans, attributes and errors.
import copy
import re

m = re.search(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?', '-- Jane Doe --')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'first', 2))
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'), m.groupdict(default=None))
print(m.start(), m.end(), m.span(), m.start(1), m.end('last'), m.span(2), m.span('opt'), m.start(3))
print(m[0], m[1], m['last'], m[3])
print(m.regs, m.lastindex, m.lastgroup, m.string, m.pos, m.endpos)
print(m.re is re.compile(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?'), m.re.pattern)
print(m.expand(r'\2, \1 [\g<first>] \g<0>'), m.expand(r'x\g<opt>y'))
print(copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))
print(m.group(True), m.span(False))
m2 = re.match(r'(a)(b)?(c)?', 'ac')
print(m2.groups(), m2.lastindex, m2.lastgroup, m2.regs, m2.span(2))
m3 = re.match(r'(a)|b', 'b')
print(m3.lastindex, m3.groups(), re.match(r'((a)(b))', 'ab').lastindex, re.match(r'(?P<x>a)(?P<y>b)?', 'a').lastgroup)
print(re.match('a', 'a').lastindex, re.match('a', 'a').groupdict(), re.match('a', 'a').groups())
print(re.match(r'.{60}', 'x' * 70))
print(re.match(r'.', '\n', re.S), re.match(b'.', b'\xff'))
for bad in [5, -1, 'nope', 2.0, None, [1]]:
    try:
        print(m.group(bad))
    except Exception as e:
        print(type(e).__name__, e)
for f in (lambda: m.start(7), lambda: m.span('x'), lambda: m.end(1, 2), lambda: m['x'],
          lambda: m.group(first=1), lambda: m.expand(r'\9'), lambda: m.expand(r'\g<nope>'),
          lambda: re.Match(), lambda: m.groups(1, 2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(re.Match, re.Match[str], type(m).__name__, type(m).__module__)
