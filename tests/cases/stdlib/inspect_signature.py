# inspect.signature and friends (inspect imports ast, dis, tokenize, importlib).
import inspect

def g(a, b: int = 2, *args, c, d=4, **kw) -> str:
    "Doc of g."
sig = inspect.signature(g)
print(sig, list(sig.parameters), sig.parameters["b"].annotation, sig.return_annotation)
print(inspect.signature(lambda x, /, y=1: 0))
print(sig.bind(1, c=3).arguments)
try:
    sig.bind()
except TypeError as e:
    print("TypeError", e)
class C:
    def m(self, x, *, y=None): pass
print(inspect.signature(C.m), inspect.signature(C().m))
print(inspect.isfunction(g), inspect.isclass(C), inspect.ismethod(C().m), inspect.getdoc(g))
print([p.kind.name for p in sig.parameters.values()])
print(inspect.getfullargspec(g))
