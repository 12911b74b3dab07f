# Under `from __future__ import annotations`: annotations are unparsed (string
# quotes, u prefixes, f-string `=` fields as CPython's unparser), and yield,
# await and named expressions in them are SyntaxErrors; __debug__ targets.
from __future__ import annotations
def f(x: "a'b", y: f"a'{b}", z: b"q'\x00", w: u'x', v: f'{x=}{y = !s}{z=:>3}', n: f"{f'{nested} inner'} outer") -> (1, 'a'): pass
print(f.__annotations__)
cases = ["object.__debug__: int", "test: (yield)", "test.test: (yield a + b)",
         "test[something]: (yield from x)", "def f(x: (yield)): pass",
         "def f() -> (await x): pass", "x: (y := 1)", "x: (lambda: (yield))",
         "x: [(yield) for y in z]"]
for src in cases:
    try:
        compile("from __future__ import annotations\n" + src, 's', 'exec'); print('ok')
    except SyntaxError as e: print(repr(e.msg), e.lineno, e.offset)
for pre in ['', 'x;', 'import string; ', 'x=1\n']:
    try: compile(pre + 'from __future__ import x', 's', 'exec')
    except SyntaxError as e: print(repr(pre), e.offset, e.end_lineno, e.end_offset, e.msg)
def g(a: f(x for x in a), b: f(1, (x for x in a)), c: f'{(lambda x: x)}', d: f'{(None if a else b)}'): pass
print(g.__annotations__)
