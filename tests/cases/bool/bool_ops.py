print(True & False, True | False, True ^ True, False ^ True)
print(type(True | False).__name__, type(True ^ 1).__name__)
print(sum([True, True, False]), max(True, 0), [1, 2, 3][True])
print(bool(), bool(bool), True.__class__.__name__, True.conjugate(), True.numerator)
print(True < 2, False < True, sorted([True, False, 0, 1]))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
