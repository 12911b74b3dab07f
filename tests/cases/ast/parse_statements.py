# ast.parse of statements: node shapes and positions as CPython 3.11 gives them.
import ast

srcs = [
    '@dec\nclass A(B, metaclass=M, **kw):\n  def f(self, a, /, b=1, *c, d, e=2, **f) -> int: pass\n',
    '(a, b) = c, d\nfoo(*a, **k)\nif a:\n  pass\nelif b:\n  pass\nelif c:\n  x\nelse:\n  pass\n',
    'try:\n  pass\nexcept E as e:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass\n',
    'import a.b as c, d\nfrom . import (x as y)\nfrom ..m import *\nwith (a as b, c): pass\n',
    'async def f():\n  async for a in b: await c\n  async with d as e: yield\n  [x async for x in y]\n',
    'del a, b[1], c.d\nx += 1\ny: int = 3\n(z): int\nglobal g\nnonlocal n\nassert a, "m"\nraise X from Y\nwhile 1:\n  break\nelse:\n  continue\n',
    '@a.b(1)\n# c\n@d\nasync def f(): pass',
    'try:\n  pass\nexcept* E:\n  pass\nfinally:\n  pass',
    '"""doc"""\nx = 1\nreturn 5\n',
    'x = [\n  1,\n  2]\n# comment\ndef f(\n a,\n b=(1)):\n    """doc"""\n    return (a +\n b)\n',
    'class C:\n    x: int\n    def f(self): ...\n',
    'for x, in y: pass\nelse: pass\nwith a, b as (c, d): pass',
    'é = "ü"; x = é + f"{é}"',
    '@a\n\n@b\n\nclass C: pass',
    'def foo():\n    x = 1; pass; del x;\nif a: b;\nelif c: d;\ntry: x;\nexcept: y;\n',
    'x = sorted(a for a in b)\ny = f((a for a in b))\nz = g(a for a in b)[0]',
]
for s in srcs:
    print(ast.dump(ast.parse(s), include_attributes=True))
