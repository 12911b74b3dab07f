def classify(v):
    try:
        r = 10 / v
    except ZeroDivisionError:
        return "zero"
    except (TypeError, ValueError) as e:
        return "bad: " + type(e).__name__
    else:
        return "ok %s" % r
for v in (2, 0, "x", 4.0):
    print(classify(v))
try:
    try:
        raise ValueError(1)
    except TypeError:
        print("no")
except Exception as e:
    print("outer", repr(e))
