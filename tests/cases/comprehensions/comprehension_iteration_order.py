log = []
def src(name, items):
    log.append("iter " + name)
    return items
res = [(a, b) for a in src("outer", [1, 2]) for b in src("inner", "xy")]
print(res)
print(log)
g = (x for x in src("genexpr-first", [1]))
print(log[-1], list(g))
