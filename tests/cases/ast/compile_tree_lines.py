# compile() of a tree: its code carries the nodes' line numbers.
import ast, sys
def tbl(tb):
    out = []
    while tb:
        out.append(tb.tb_lineno); tb = tb.tb_next
    return out
src = '''
import os

def f(a,
      b):
    x = a + 1

    if x > 2:
        raise ValueError(
            "big")
    return x

class C:
    @staticmethod
    def m():
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError("k")

for i in range(2):
    print(f(i, 0))
C.m()
'''
tree = ast.parse(src)
code = compile(tree, "<tree>", "exec")
print(code.co_firstlineno, [c.co_firstlineno for c in code.co_consts if hasattr(c, "co_firstlineno")])
try:
    exec(code, {})
except KeyError:
    tb = sys.exc_info()[2]
    print(tbl(tb))
try:
    exec(compile(ast.parse("x = 1\n\n\ny = 1 / 0\n"), "<t>", "exec"))
except ZeroDivisionError:
    print(tbl(sys.exc_info()[2]))
t = ast.parse("a = 1\nb = 2\nc = d\n")
ast.increment_lineno(t, 10)
try:
    exec(compile(t, "<t>", "exec"), {})
except NameError:
    print(tbl(sys.exc_info()[2]))
t = ast.parse("class C:\n\n    @staticmethod\n\n    def m():\n        pass\n\n    x = lambda: (\n      1)\n")
c = compile(t, "<t>", "exec")
cc = [k for k in c.co_consts if hasattr(k, "co_code")][0]
print(c.co_firstlineno, cc.co_firstlineno, [k.co_firstlineno for k in cc.co_consts if hasattr(k, "co_code")])
import ast
for src in ["x = 1\n\n\nreturn 5\n", "def f():\n    pass\n\n\n\nbreak\n", "def f(a, a): pass"]:
    try:
        compile(ast.parse(src), "<tree>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.filename)
