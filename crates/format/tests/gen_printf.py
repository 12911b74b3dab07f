# Prints the Rust cases of tests/printf.rs: `fmt % args` results from CPython 3.11.
import random
random.seed(5)
def rs(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'
def val(v):
    if isinstance(v, bool): raise TypeError
    if isinstance(v, int): return 'I(%s)' % rs(str(v))
    if isinstance(v, float): return 'F(%r)' % v if v == v and abs(v) != float('inf') else 'F(f64::%s)' % {'nan': 'NAN', 'inf': 'INFINITY', '-inf': 'NEG_INFINITY'}[repr(v)]
    return 'S(%s)' % rs(v)
def res(fmt, args):
    try: return 'Ok(%s)' % rs(fmt % args)
    except Exception as e: return 'Err(%s)' % rs(type(e).__name__ + ':' + str(e))
cases = []
def add(fmt, args):
    if isinstance(args, tuple): a = 'Tuple(vec![%s])' % ', '.join(map(val, args))
    elif isinstance(args, dict): a = 'Dict(vec![%s])' % ', '.join('(%s, %s)' % (rs(k), val(v)) for k, v in args.items())
    else: a = 'Single(%s)' % val(args)
    cases.append('        (%s, %s, %s),' % (rs(fmt), a, res(fmt, args)))
fixed = [("%5%", (1,)), ("%05f", float('inf')), ("%-05d", 3), ("%+05d", 3), ("%#05x", 255), ("%#-8X|", 255), ("% 8.3d", -5),
         ("%.5d", -12), ("%#.5o", 8), ("%#o", 0), ("%.0c", 'a'), ("%5c|", 65), ("%05s|", 'ab'), ("%+s", 'ab'), ("%+5s|", 'ab'),
         ("%.1s", 'abc'), ("%-*d|", (5, 3)), ("%*d|", (-5, 3)), ("%.*f", (-3, 1.5)), ("%(a)s %(b)r", {'a': 1, 'b': 'x'}),
         ("abc", 5), ("%s %s", (1,)), ("%s", (1, 2)), ("%", ()), ("%l", 1), ("%ld", 5), ("%(a", {}), ("%(a)s", (1,)),
         ("%(a)s", 5), ("%\xe9", 1), ("%\x01", 1), ("%\x1f", 1), ("%#g", 1.0), ("%g", 1e16), ("%r", 1.0), ("%10.4f|", -3.14159),
         ("%-10.2e|", 12345.678), ("%#.0f", 2.0), ("%+.3e", 0.0), ("%x", -255), ("%#X", -255), ("%u", 7), ("%i", -7),
         ("%c", 0x110000), ("%c", 'ab'), ("%010.3f", -1.5), ("% 010d", 42), ("%e", 10**400), ("%.3s|%5.1s|", ('abcdef', 'xyz')),
         ("%s%%%s", (1, 2)), ("%(x)s %(x)s", {'x': 1}), ("%(a)s %s", {'a': 1}), ("%#x", 0), ("%3", 1), ("%*d", ('a', 1)),
         ("%*.*f|", (10, 2, 3.14159)), ("%-+8.2f|", 2.5), ("%x", 3.5), ("%d", 3.99), ("%d", -3.99), ("%d", 'a'), ("%x", 'a'),
         ("%f", 'a'), ("%c", 1.5), ("%5.2%", ()), ("%a", '\xe9'), ("%r", 'a\nb'), ("%s", '\xe9t\xe9'), ("%-6s|", '\u20ac'),
         ("%(a)*d", {'a': 5}), ("%.2147483648f", 1.0), ("%99999999999999999999d", 1), ("%.3x", 255), ("%#.3X", 255),
         ("%e", float('nan')), ("%+f", float('inf')), ("%010f", float('-inf')), ("%G", 1e-10), ("%E", 12.0), ("%F", float('nan')),
         ("%(a)s%%", {'a': 1}), ("%%%s", 1), ("%s %s", 'ab'), ("%c%c", (104, 'i')), ("%-3c|", 'x'), ("%03c|", 'x'),
         ("%(a)(b)s", {'a': 1}), ("%(a(b))s", {'a(b)': 7}), ("%y", ()), ("%*y", (1,)), ("%.*s", (2, 'abc')), ("%.*s", (-2, 'abc'))]
for f, a in fixed: add(f, a)
flagsets = ['', '-', '+', ' ', '#', '0', '-0', '+0', '#0', ' 0', '+#', '-#']
for _ in range(400):
    conv = random.choice('diuoxXeEfFgGcsr')
    f = '%' + random.choice(flagsets) + random.choice(['', '1', '7', '12']) + random.choice(['', '.0', '.3', '.']) + conv
    if conv in 'diuoxXc': v = random.choice([0, 7, -7, 255, -4096, 10**18, 65, 0x263a])
    elif conv in 'sr': v = random.choice(['', 'ab', 'h\xe9llo', 'x' * 9, 12, 1.5])
    else: v = random.choice([0.0, -0.0, 1.5, -2.25, 1e-7, 123456.789, 1e22, 7])
    add(f, (v,))
print('\n'.join(cases))
