pick = lambda xs: xs[0] if xs else xs["missing"]
print(pick([7]))
print(pick({}))
