# Cells compare by their contents; an empty cell sorts before any other; unhashable.
def make(*v):
    if v:
        x = v[0]
    def f():
        return x
    return f.__closure__[0]

cell = type(make(1))
print(cell(2) < cell(3), cell() < cell('s'), cell() == cell(), cell(-36) == cell(-36.0))
print(cell(True) > cell(), cell(1) != cell(2), cell(1) <= cell(1), cell(1) >= cell(2))
print(make(5) == cell(5), make() == cell(), make() < make(0), cell() >= cell(), cell() > cell())
print(sorted([cell(3), cell(), cell(1)], key=lambda c: c)[0] == cell())
print(cell(1).__eq__(3), cell(1).__lt__(None), cell.__hash__)
try:
    hash(cell(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    cell(1) < cell('x')
except TypeError as e:
    print(type(e).__name__, e)
print(cell([1]) == cell([1]), cell([1]) is cell([1]))
cell(1) < 3
