def f(): pass
class C: ...
if True: pass
print(f(), C.__name__, ...)
print(Ellipsis is ..., repr(...))
