# Generates tests/data/parse.tsv: int(s, base) / float(s) / repr / ascii results of CPython 3.11.
# Strings and results are stored with \\ \t \n \r escaped.
import random
random.seed(7)
def h(s): return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def res(f):
    try:
        r = f()
        return 'OK:' + (r if isinstance(r, str) else repr(r))
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
ALPH = list('0123456789_ +-xobXOBaAfFzZ.eEiInNtTyY') + ['\u0663', '\u00a0', '\u2003', '\t', '\n', '\x1c', '\x0b', '\u0e53', '\U0001d7d9', '\xe9']
FIXED = ['0', '-0', '+7', ' 12 ', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '0x_1f', '0x__1', '010', '00', '0_0',
         '0b', '0x', '', ' ', '\u0663\u0664', '\u00a01\u2003', '\x1c1', '1\x1c', '\u0663\x7f', '9' * 700, '1' * 4301, '1' * 5000 + 'x',
         '1_' * 3000 + '1', 'z', 'Z', '-zz', '1a', 'inf', '-iNf', 'nan', '+nan', 'infinity', 'infinit', '1e5', '1e', '.', '5.', '.5',
         '1_0.5', '1_.5', '1._5', '1e1_0', '1e_1', '1_e5', '0x10', '1e500', '-1e-500', '\u0663.\u0665', '1 2', 'inf_', '  -1.5e+3  ',
         '1.7976931348623157e+308', '1.7976931348623158e+308', '2.4703282292062328e-324', '2.4703282292062327e-324',
         '0.1e-1_0', '123456789012345678901234567890', '1' + '0' * 400 + '.5e-400', "it's", '\'"', 'a\\b', '\x00', '\x7f\x80\xa0\xad',
         '\u2028\u0378\ue000\U0001f600\U000e0001\ufeff\u0300', 'abc' * 100 + 'x']
BASES = [10, 0, 2, 8, 16, 36, 3, 1, 37]
SHORT_BASES = [10, 0, 16]
rows = []
def add(s, bases=BASES):
    for b in bases:
        rows.append(('int', h(s), str(b), h(res(lambda: str(int(s, b))))))
    rows.append(('float', h(s), '', h(res(lambda: repr(float(s))))))
    rows.append(('repr', h(s), '', h(repr(s))))
    rows.append(('ascii', h(s), '', h(ascii(s))))
for s in FIXED: add(s)
for _ in range(1500):
    add(''.join(random.choice(ALPH) for _ in range(random.randint(0, 8))), random.sample(BASES, 3))
for _ in range(300):
    s = '%r' % random.uniform(-1e6, 1e6) if random.random() < .5 else repr(random.random() * 10 ** random.randint(-320, 308))
    add(s, SHORT_BASES)
for _ in range(300):
    add(''.join(chr(random.choice([random.randint(0, 0x2fff), random.randint(0x10000, 0x10ffff)])) for _ in range(random.randint(1, 6))), SHORT_BASES)
with open('tests/data/parse.tsv', 'w') as f:
    for r in rows:
        if any(0xd800 <= ord(c) < 0xe000 for c in r[1] + r[3]): continue
        f.write('\t'.join(r) + '\n')
