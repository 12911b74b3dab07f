x = "outer"
res = [x for x in range(3)]
print(res, x)
y = 10
print([y + i for i in range(3)], [[i + j for j in range(2)] for i in range(2)])
class C:
    base = 100
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.vals, C.err)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
