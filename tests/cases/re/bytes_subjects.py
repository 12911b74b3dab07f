# bytes patterns over bytes, bytearray and memoryview; str/bytes mixing errors.
import re

p = re.compile(rb'(\d+)-(\w+)')
for subject in (b'x 12-ab y', bytearray(b'x 12-ab y'), memoryview(b'x 12-ab y')):
    m = p.search(subject)
    print(type(subject).__name__, m.group(), m.groups(), type(m.group(1)).__name__, m.span(), type(m.string).__name__)
print(p.findall(bytearray(b'1-a 2-b')), p.sub(rb'\2=\1', b'1-a 2-b'), p.sub(b'X', bytearray(b'1-a')))
print(p.split(b'a 1-b c'), re.split(rb'\s', bytearray(b'a b')), re.sub(rb'a', lambda m: b'[' + m.group() + b']', b'banana'))
print(re.findall(rb'[\x80-\xff]+', b'ab\xe9\xff c'), re.match(rb'\xe9', b'\xe9'), re.escape(b'a.b'))
print(re.sub(b'a', b'', b'aaa'), re.sub(b'x', b'y', b'abc'), type(re.sub(b'x', b'y', bytearray(b'abc'))).__name__)
print(re.match(rb'(?i)[a-z]+', b'ABC'), re.findall(rb'\s+', b'a \t\x0b\x1cb'), re.findall(r'\s+', 'a \t\x0b\x1cb'))
m = re.match(rb'(a)(b)?', b'a')
print(m, m.groups(b'-'), m.expand(rb'\1!'), m.regs)
for f in (lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.sub(b'a', 'x', b'a'),
          lambda: re.sub('a', b'x', 'a'), lambda: re.compile(b'a').findall(bytearray(b'a'), 0, 5),
          lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.match('a', 1.5), lambda: re.findall(b'a', [1])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
