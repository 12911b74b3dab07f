class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
class Both:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({Both(1), Both(1), Both(2)}), Both(3) in {Both(3): 0})
class Inherit(Both):
    def __eq__(self, o): return False
print(Inherit.__hash__)
class Plain: pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain())
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
