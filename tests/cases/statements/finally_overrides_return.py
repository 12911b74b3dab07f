def f():
    try:
        return 1
    finally:
        return 2
def g():
    for i in range(3):
        try:
            continue
        finally:
            print("fin", i)
    return "g"
def h():
    try:
        raise KeyError("k")
    finally:
        return "swallowed"
print(f(), g(), h())
