# More of CPython's targeted SyntaxError messages (from test_syntax's examples).
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
cases = [
    'obj.__debug__ = 1', 'f(__debug__=1)', 'x = g(f(__debug__=1))', 'class C(__debug__=1): pass',
    'a, obj.__debug__ = 1, 2', 'del obj.__debug__', 'obj.__debug__ += 1',
    'for i < (): pass', 'for a, b < c in d: pass', 'for x is y in z: pass', 'for i in 3 < 4: pass',
    'match ...:\n    case {**_}:\n       ...', 'match ...:\n  case 42 as 1+2+4:\n    ...',
    'def f(None=1):\n    pass', 'def f(x, None):\n    pass', 'def f(*None):\n    pass', 'def f(*):\n    pass',
    'def foo(a=1,/*,b,c):\n   pass', 'def foo(a=1,d=,c):\n   pass', 'def foo(a,d: int=,c):\n   pass',
    'lambda a=1,/*,b,c: None', 'lambda a,d=,c: None', 'lambda True=1: 0',
    'f((x)=2)', 'f(True=1)', 'f(a, None=2)', 'f(**x, *)',
    'with block ad something:\n  pass', 'def f:', 'async def f:', 'def f x: pass',
    'def f(x, (y, z), w):\n   pass', 'def f((x, y, z, w)):\n   pass', 'lambda x, (y, z), w: None', 'lambda (x, y, z, w): None',
    'try:\n   pass\nexcept TypeError:\n   pass\nexcept* ValueError:\n   pass',
    'try:\n   pass\nexcept* TypeError:\n   pass\nexcept ValueError:\n   pass',
    '{1: *12+1, 23: 1}', '{1: 23, 1: *12+1}',
    'try:\n    something()\nexcept* A:\npass', 'match something:\n    case []:\npass',
    'try:\n  pass\nexcept A, B:\n  pass', 'try:\n  pass\nexcept A, B, C as blech:\n  pass', 'try:\n  pass\nexcept* A, B:\n  pass',
    'try:\n  pass\nexcept* A as a:\n  pass\nexcept*:\n  pass',
    '(x, y, z=3, d, e)', '[x, y, z=3, d, e]', 'from t import x,', 'from t import x,y,',
    '(): int', '[]: int', '(()): int', '([]): int',
    'if True:\n    print("Hello"\n\nif 2:\n   print(123))', 'x = 1 if y:\n  pass',
]
for src in cases:
    check(src)
