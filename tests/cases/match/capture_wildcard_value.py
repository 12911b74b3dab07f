class Color:
    RED = "red"
    GREEN = "green"
def m(x):
    match x:
        case Color.RED: return "is red"
        case Color.GREEN as g: return "is " + g
        case str() as s if len(s) > 3: return "long str " + s
        case other: return "captured %r" % (other,)
for v in ("red", "green", "purple", "xy", 5):
    print(m(v))
