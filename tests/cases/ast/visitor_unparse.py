# NodeVisitor, NodeTransformer, walk, unparse and running a transformed tree.
import ast

class Names(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id, type(node.ctx).__name__)
Names().visit(ast.parse("a = b + c[d]"))

class Times10(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node
tree = Times10().visit(ast.parse('print(1 + 2, "s")'))
exec(compile(tree, "<t>", "exec"))
print(ast.unparse(tree))
src = '''
async def f(a, /, b, *, c=1, **k) -> int:
    """Doc."""
    global g
    x: list[int] = [i async for i in a if i] or {**k}
    with open(p) as fh, other():
        return await fh.read(f"{x!r:>{w}}")
    match x:
        case [1, *rest] if rest:
            del x[0], y.z
        case {"k": v, **kw} | Point(x=0) as q:
            raise E from None
    try:
        pass
    except* (A, B) as e:
        yield
    lambda q, *r: (q, r)
'''
print(ast.unparse(ast.parse(src)))
print(sorted({type(n).__name__ for n in ast.walk(ast.parse(src))}))
print([k for k, v in ast.iter_fields(ast.parse("x = 1").body[0])])
t = ast.parse("def f():\n    '''Doc.'''\n")
print(repr(t.body[0].body[0].value.value))
print(ast.get_source_segment("x = a  +  b", ast.parse("x = a  +  b").body[0].value))
t = ast.increment_lineno(ast.parse("x"), 2)
print(t.body[0].lineno)
