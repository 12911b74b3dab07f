# ast.literal_eval accepts literals and containers only.
import ast

print(ast.literal_eval("{'a': [1, 2.5, -3j, (True, None)], 'b': b'x', 'c': {1, 2}}"))
print(ast.literal_eval("  -1 + 2j"), ast.literal_eval("set()"), ast.literal_eval("'a' 'b'"))
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
for bad in ["f(x)", "a", "1 + x", "{**a}", "[*a]", "x.y"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(" at 0x")[0])
