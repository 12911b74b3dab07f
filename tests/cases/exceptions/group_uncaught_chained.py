def rec(n):
    if n == 0:
        raise ValueError("deep")
    rec(n-1)
def f():
    try:
        rec(6)
    except ValueError as e:
        e.add_note("note1\nnote1b")
        raise TypeError("ctx") from e
try:
    f()
except Exception as e:
    inner = e
try:
    raise KeyError("k")
except KeyError as k:
    kk = k
raise ExceptionGroup("top", [inner, ExceptionGroup("nested", [kk, SyntaxError("bad", ("f.py", 3, 2, "  x = $\n", 3, 4))])])
