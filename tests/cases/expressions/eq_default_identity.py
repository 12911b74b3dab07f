class G:
    def __eq__(self, o): return 'eq'
class H(G): pass
class I: pass
i1, i2 = I(), I()
print(i1 == i1, i1 == i2, i1 != i1, i1 != i2, i1 == G(), G() == i1, H() != i1, i1 == None, None != i1)
class J:
    def __ne__(self, o): return 'ne'
print(J() != J(), J() == J())
class K(I): pass
print(K() == i1, i1 != K())
# __eq__ set on the class later changes the answer.
I.__eq__ = lambda self, o: 'late'
print(i1 == i2, i1 != i2)
del I.__eq__
print(i1 == i2, i1 != i2)
