# match statements and their patterns.
import ast

src = '''
match x:
    case [1, *r] | {"a": 1, **kw} if g:
        pass
    case C(1, a=b) as z:
        pass
    case None | True | -1 | 1+2j | "s" | a.b:
        pass
    case (p, q) | [p, q, *_]:
        pass
    case {}:
        pass
    case _:
        pass
'''
print(ast.dump(ast.parse(src), include_attributes=True, indent=1))
