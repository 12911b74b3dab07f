# Every node class of _ast: its base, _fields, _attributes, class defaults, doc.
import _ast
import ast

names = sorted(n for n in dir(_ast) if n[0].isupper() and not n.startswith("PyCF"))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    defaults = sorted(k for k, v in vars(c).items() if v is None and not k.startswith("__"))
    print(n, c.__bases__[0].__name__, c._fields, c._attributes, defaults, c.__module__)
    print("  ", repr(c.__doc__))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST.__module__, ast.AST._fields, ast.AST._attributes, ast.AST.__match_args__)
print(ast.Name.__match_args__, ast.Name.__mro__)
print(ast.Load() is ast.Load(), type(ast.Load()), isinstance(ast.Load(), ast.expr_context))
class MyName(ast.Name):
    _fields = ("id", "ctx", "extra")
m = MyName("x", ast.Load(), 3)
print(m.id, m.extra, isinstance(m, ast.expr))
ast.Name.custom = 1
print(ast.Name.custom, ast.parse("x").body[0].value.custom)
