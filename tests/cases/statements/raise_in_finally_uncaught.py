def f():
    try:
        return "value"
    finally:
        raise RuntimeError("finally raised")
print(f())
