class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
