import ast, _ast
print(ast.literal_eval("{'a': [1, 2.5, -3j, (True, None)], 'b': b'x', 'c': {1, 2}}"))
try: ast.literal_eval('1+')
except SyntaxError as e: print('SyntaxError', e.msg, e.lineno, e.offset)
try: ast.literal_eval('f(x)')
except ValueError as e: print("ValueError", str(e).split(" at 0x")[0])
src = '''
"""Module doc."""
class A:
    """Class doc."""
    def m(self, x):
        """Method doc."""
        return x * 2
'''
t = ast.parse(src)
print(t.body[0].value.value)
print(sorted({type(n).__name__ for n in ast.walk(t)}))
class V(ast.NodeVisitor):
    def visit_Name(self, node): print('name', node.id, type(node.ctx).__name__)
V().visit(ast.parse('a = b + c'))
print(ast.unparse(ast.parse('def f(a, *, b=1, **k):\n    return [x async for x in a if x] or {**k}\n')))
print(ast.unparse(ast.parse('x = f"a{b!r:>{w}}"')))
print(ast.dump(ast.parse('x = 1'), indent=2))
try: ast.Name(1, 2, 3)
except TypeError as e: print(e)
try: ast.Name('x', id='y')
except TypeError as e: print(e)
try: ast.AST(1)
except TypeError as e: print(e)
try: ast.Pass(1)
except TypeError as e: print(e)
try: ast.arg(1, 2, 3, 4)
except TypeError as e: print(e)
n = ast.Name('x', foo=3); print(vars(n), n.__reduce__()[0] is ast.Name, n.__reduce__()[1:])
print(ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes, ast.Name._attributes, ast.AST._fields)
print(ast.Load.__doc__, ast.Name.__doc__, ast.arguments.vararg, ast.Constant.kind)
print(ast.stmt.__doc__.splitlines()[:2])
print(ast.Name.__mro__, ast.Name.__module__, ast.AST.__module__)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
t = ast.parse('x = y')
print(t.body[0].targets[0].ctx is t.body[0].value.ctx, t.body[0].value.ctx is ast.parse('z').body[0].value.ctx)
import copy
t2 = copy.deepcopy(t); print(ast.dump(t2) == ast.dump(t), t2 is not t)
match ast.parse('x + 1').body[0].value:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(v)): print('matched', id, v)
print(ast.Num(5).n, isinstance(ast.Constant(1), ast.Num), ast.Str)
print(ast.parse('x', type_comments=True).type_ignores)
print(isinstance(ast.Load(), ast.expr_context), ast.Load() is ast.Load())
n = ast.Constant(value=3); print(n.value, n.kind, getattr(n, 'lineno', 'nolineno'), n.end_lineno)
print(len([n for n in dir(_ast) if n[0].isupper()]))
