# Syntax errors from ast.parse and ast.literal_eval.
import ast

for src in ["1+", "x = (", "def f(:\n pass", "a b", "  x = 1", "f(**a, *b)", "x = 1 +"]:
    try:
        ast.parse(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    ast.literal_eval("1+")
except SyntaxError as e:
    print("literal_eval", e.msg, e.lineno, e.offset)
# Errors the compiler (not the parser) reports do not stop ast.parse.
for src in ["return 1", "break", "nonlocal x", "def f(a, a): pass", "await x", "from __future__ import braces"]:
    print(type(ast.parse(src).body[0]).__name__)
