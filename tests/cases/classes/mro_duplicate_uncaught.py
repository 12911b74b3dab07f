class X: pass
print("defining")
class D(X, X): pass
