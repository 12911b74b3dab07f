class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exiting", a[0].__name__)
        return False
with CM():
    print("in body")
    raise RuntimeError("from body")
