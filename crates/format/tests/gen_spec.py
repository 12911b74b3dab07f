# Generates tests/data/spec.tsv: kind, value, spec, CPython 3.11's format() result or error.
import random, struct, sys
sys.set_int_max_str_digits(6000)
random.seed(99)
FA = ['', '', '', '<', '>', '^', '=', '*<', '*^', '0>', '0=', '\u00e9>', 'x=', '_<', ',>']
def rand_spec(types):
    return (random.choice(FA) + random.choice(['', '', '+', '-', ' ']) + random.choice(['', '', '', 'z'])
            + random.choice(['', '', '#']) + random.choice(['', '', '0']) + random.choice(['', '', '1', '8', '13', '25'])
            + random.choice(['', '', ',', '_']) + random.choice(['', '', '.0', '.2', '.10', '.'])
            + random.choice(types))
INT_T = ['', '', 'd', 'b', 'o', 'x', 'X', 'c', 'n', 'e', 'f', 'g', '%', 'E', 'G', 's', '\u00e9']
FLT_T = ['', '', '', 'e', 'f', 'g', 'E', 'F', 'G', 'n', '%', 'd', 'x']
STR_T = ['', '', '', 's', 'd']
ints = [0, 1, -1, 7, 65, 255, -255, 1234, -1234567, 10**20, -(10**30), 2**64, 0x10FFFF, 0x110000, 123456789012345]
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1234.5, -1234567.891, 1e16, 1e-7, 123456789.0, 1e300, float('inf'), float('-inf'), float('nan'), 2.5, 0.005, -0.004]
strs = ['', 'a', 'abc', 'h\u00e9llo', '\u20ac\u20ac', 'long string here']
cplx = [0j, 1j, -1j, 1+2j, -1.5-0.25j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(1e20, 1e-5), complex(float('inf'), float('nan')), 1234.5+1j]
def res(v, s):
    try: return 'OK:' + format(v, s)
    except Exception as e: return type(e).__name__ + ':' + str(e)
def fbits(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
rows = []
for _ in range(6000):
    v = random.choice(ints); s = rand_spec(INT_T); rows.append(('int', str(v), s, res(v, s)))
for _ in range(6000):
    v = random.choice(floats); s = rand_spec(FLT_T); rows.append(('float', fbits(v), s, res(v, s)))
for _ in range(2000):
    v = random.choice(strs); s = rand_spec(STR_T); rows.append(('str', v, s, res(v, s)))
for _ in range(3000):
    v = random.choice(cplx); s = rand_spec(FLT_T); rows.append(('complex', fbits(v.real) + ',' + fbits(v.imag), s, res(v, s)))
extra = [('int', 1, 'abc'), ('int', 1, '1' * 30), ('int', 1, '.' + '1' * 30), ('int', 1, ',_'), ('int', 1, '_,'), ('int', 1, '\u0665'),
         ('float', 1.0, '.2147483648f'), ('int', 1, ',c'), ('str', 'a', ','), ('str', 'a', '\x01'), ('int', 1, '_\x80'), ('float', 1.5, '\x80'),
         ('int', 2**1024, 'f'), ('int', -5, 'c'), ('str', 'a', ' '), ('str', 'a', 'z'), ('str', 'ab', '05'), ('str', 'abc', '^7.2'),
         ('float', 1.0, '=^10'), ('float', 1e22, '030,.1f'), ('int', 10**30, '050_'), ('int', 255, '#010_x'), ('int', 65, '05c'),
         ('int', 65, '<05'), ('float', 1.0, ',.'), ('int', 1, '<<<'), ('float', float('inf'), '010'), ('int', 0x10ffff, 'c'),
         ('float', 1e-5, '#'), ('float', 1.0, '#.0'), ('float', 12345.6789, ',.3'), ('float', 12345.6789, '_'), ('int', 10**5000, '')]
for k, v, s in extra:
    if k == 'float': rows.append((k, fbits(v), s, res(v, s)))
    else: rows.append((k, str(v) if k == 'int' else v, s, res(v, s)))
with open('tests/data/spec.tsv', 'w') as f:
    for r in rows:
        assert not any(('\t' in x or '\n' in x) for x in r), r
        f.write('\t'.join(r) + '\n')
