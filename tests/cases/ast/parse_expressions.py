# ast.parse of expressions: constants, operators, contexts, positions.
import ast

srcs = [
    'u"x"; b"y"; 1j; 1.5; ...; True; 10**100; 0xff; -1; not a; a if b else c; {1: 2, **d}; {1, 2}',
    'a < b <= c is not d\na and b and c or d\n(yield)\n{k: v for k, v in d}\n{x for x in y}\n(x for x in y)\n(x := 1)',
    'lambda: 0\nlambda a, *b, c=1, **d: a\n[x for x in y if z]\nx[1:2, ::3]\n',
    'print(1 if x else 2, *a, sep="")\nx = a.b.c[1][2:3]\nx = (yield from g)\n',
    'a[b:c, d]; a[...]; a[()]; a[1,]; a.b = c; del d[e]; [f, *g] = h',
    '"a" "b" \'c\'; b"a" b"b"; 1_000; 0o17; 0b101; 1e3; 2.5j; 123456789012345678901234567890',
    'x = not a or b and not c\ny = -a ** -b @ c // d % e << f >> g & h | i ^ ~j',
]
for s in srcs:
    print(ast.dump(ast.parse(s), include_attributes=True))
print(ast.dump(ast.parse("x + 1", mode="eval")))
