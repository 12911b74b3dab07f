# compile(..., PyCF_ONLY_AST) in every mode, and the mode and flag errors.
import ast

for s, m in [('(1 +\n 2)', 'eval'), ('x = 1', 'single'), ('(int, str) -> bool', 'func_type'),
             ('() -> None', 'func_type'), ('(a) -> b', 'func_type')]:
    print(ast.dump(ast.parse(s, mode=m), include_attributes=True))
print(ast.dump(compile("a; b", "<s>", "exec", ast.PyCF_ONLY_AST)))
print(type(compile("a", "<s>", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS)).__name__)
print(ast.dump(ast.parse(b"x = 'bytes source'")))
for args in [("x", "f", "bogus", ast.PyCF_ONLY_AST), ("x", "f", "func_type"), ("x", "f", "exec", 0x100),
             ("x", "f", "bogus")]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    compile(42, "f", "exec", ast.PyCF_ONLY_AST)
except TypeError as e:
    print("TypeError", e)
