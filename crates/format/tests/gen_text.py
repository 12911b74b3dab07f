# Generates tests/data/text.tsv: str method results of CPython 3.11 on random strings.
# Fields are escaped: \\ \t \n \r; lists are joined with \x1f (escaped as \u).
import random
random.seed(11)
def esc(s): return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r').replace('\x1f', '\\u')
ALPH = list("abcXYZ019 _-+'.") + ['\t', '\n', '\r', '\r\n', '\x0b', '\x1c', '\x1f', '\x85', '\xa0', '\u2028', '\u3000', '\xdf', '\ufb01', '\u0130', '\u03a3', '\u03c3',
        '\u03c2', '\u01c5', '\u01c6', '\u01c4', '\u0149', '\u0345', '\u0301', '\u10d0', '\u1c90', '\uab70', '\u13a0', '\u0663', '\xbd', '\xb2',
        '\u216b', '\xad', '\ufb00', '\u0390', '\U00010400', '\U0001e900', '\u1e9e', '\u0131', '\u212a', '\u1f80', '\u1f88', '\u00b5', '\u2160']
OPS = {
    'upper': str.upper, 'lower': str.lower, 'casefold': str.casefold, 'swapcase': str.swapcase, 'title': str.title,
    'capitalize': str.capitalize, 'isidentifier': str.isidentifier, 'islower': str.islower, 'isupper': str.isupper,
    'istitle': str.istitle, 'isspace': str.isspace, 'isalpha': str.isalpha, 'isalnum': str.isalnum, 'isdecimal': str.isdecimal,
    'isdigit': str.isdigit, 'isnumeric': str.isnumeric, 'isprintable': str.isprintable,
    'expandtabs8': lambda s: s.expandtabs(), 'expandtabs3': lambda s: s.expandtabs(3), 'expandtabs0': lambda s: s.expandtabs(0),
    'splitlines': str.splitlines, 'splitlines_keep': lambda s: s.splitlines(True), 'split': str.split,
    'split1': lambda s: s.split(None, 1), 'rsplit': str.rsplit, 'rsplit1': lambda s: s.rsplit(None, 1),
    'split_a': lambda s: s.split('a'), 'rsplit_a1': lambda s: s.rsplit('a', 1), 'strip': str.strip, 'lstrip': str.lstrip,
    'rstrip': str.rstrip, 'strip_ab': lambda s: s.strip('ab'), 'center9': lambda s: s.center(9, '*'),
    'center10': lambda s: s.center(10), 'zfill6': lambda s: s.zfill(6), 'ljust7': lambda s: s.ljust(7, '-'), 'rjust7': lambda s: s.rjust(7),
}
def show(r):
    if isinstance(r, bool): return str(r)
    if isinstance(r, list): return ''.join(x + '\x1f' for x in r)
    return r
strings = ['', ' ', 'a', 'ab cd', '  a  b  ', '\u03a3', 'A\u03a3', 'A\u03a3a', 'A\u03a3.', 'A.\u03a3', 'A\u03a3\u0301', '\u03a3\u03a3',
           'O\u03a3\u03a3', 'hello world', "they're bill's", '\u01c4\u01c5\u01c6', '\xdf\xdf', '\ufb01x', '+12', '-ab', '12', 'a\tb\tc',
           'ab\r\ncd\n\nx\r', '\u2028\u2029\x85', '\u0663\u0664', '_a1', '1a', 'a-b', 'Hello World', 'HELLO', 'H\u0130']
strings += [''.join(random.choice(ALPH) for _ in range(random.randint(1, 10))) for _ in range(1500)]
with open('tests/data/text.tsv', 'w') as f:
    for s in strings:
        f.write(esc(s) + '\t' + '\t'.join(esc(show(fn(s))) for fn in OPS.values()) + '\n')
    f.write('#ops\t' + '\t'.join(OPS) + '\n')
    for name in ['isspace', 'isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isprintable', 'islower', 'isupper', 'isidentifier', 'isalnum']:
        f.write('#chars\t%s\t%s\n' % (name, ''.join('1' if getattr(chr(c), name)() else '0' for c in range(0x400))))
