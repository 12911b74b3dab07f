# Lone surrogates in str: creation, comparison, hashing, indexing, repr.
s = '\ud800'
print(len(s), repr(s), ascii(s), ord(s))
print(s == '\ufffd', s != '\ufffd', s == chr(0xd800), s == '\ud800')
print(hash(s) == hash(chr(0xd800)), hash('a\udc80b') == hash('a' + chr(0xdc80) + 'b'))
print(repr(chr(0xdfff)), repr(chr(0xdbff) + chr(0xdc00)), len(chr(0xdbff) + chr(0xdc00)))
print('\ud83d\ude00' == '\U0001f600', len('\ud83d\ude00'))
t = 'ab\udc80cd\U0001f600\ud800'
print(len(t), repr(t[2]), repr(t[1:4]), repr(t[::-1]), repr(t[::2]), [hex(ord(c)) for c in t])
print(repr(t * 2), repr(t + 'x'), repr('x' + t), repr('-'.join([t, 'y', s])))
print(sorted(['\ue000', '\ud800', '\ud7ff', '\U00010000']) == ['\ud7ff', '\ud800', '\ue000', '\U00010000'])
print('\ud800' < '\ue000', '\ud800' > '\ud7ff', '\udfff' < '\U00010000')
d = {s: 1, '\ufffd': 2, '\udc80': 3}
print(len(d), d[s], d['\ufffd'], d[chr(0xdc80)], s in d, chr(0xd801) in d)
print(len({s, '\ud800', '\ufffd'}))
print(s in t, '\udc80c' in t, '\ufffd' in t, t.find('\ud800'), t.find('c'), t.index('\udc80'), t.count('\ud800'))
print(t.startswith('ab\udc80'), t.endswith('\ud800'), t.startswith('ab\ufffd'), t.rfind('\udc80'))
print(repr(t.replace('\udc80', 'X')), repr('a-b'.replace('-', '\udcff')), repr('ab'.replace('', '\ud800')))
print([repr(x) for x in 'a\ud800b\ud800c'.split('\ud800')], [repr(x) for x in 'a\ud800b\ud800c'.rsplit('\ud800', 1)])
print(repr(str(s)), repr('%r' % s), repr(f'{s!r}'))
class S(str):
    pass
u = S('\udc80x')
print(type(u).__name__, repr(u), u == '\udc80x', repr(str(u)), hash(u) == hash('\udc80x'))
print(repr(chr(0xd800)), chr(0xdfff) == '\udfff', repr('\U0000dc00'), repr('\N{SNOWMAN}\udc00'))
print(repr('\ud800' 'x' '\udc00'), repr(r'\ud800'), repr(b'\xed\xa0\x80'))
for c in '\ud800x':
    print(repr(c), end=' ')
print()
print(list(map(ord, '\udc80\udcff')), repr(max('\ud800', 'a')), 'ok' if min('\ud800\udc00', '\ud800') == '\ud800' else 'bad')
try:
    print(s)
except UnicodeEncodeError as e:
    print('print:', e)
