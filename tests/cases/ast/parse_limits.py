# Nesting limits of the parser and of building the tree (3 x the recursion limit).
import ast

for src in ["(" * 150 + "1" + ")" * 150, "-" * 5000 + "1", "-" * 2500 + "1", "[" * 300 + "]" * 300, "a +" * 2000 + "a"]:
    try:
        t = ast.parse(src)
        print("ok", type(t.body[0].value).__name__)
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(type(e).__name__, e)
print(ast.dump(ast.parse("await x", mode="eval")))
