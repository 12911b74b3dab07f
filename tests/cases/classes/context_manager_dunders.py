class CM:
    def __enter__(self):
        print("enter"); return "value"
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, str(ev) if ev else None, tb is not None)
        return isinstance(ev, KeyError)
with CM() as v:
    print(v)
with CM():
    raise KeyError("suppressed")
try:
    with CM():
        raise ValueError("propagates")
except ValueError as e:
    print("outer", e)
class Bad:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a): print("never")
try:
    with Bad():
        print("never body")
except RuntimeError as e:
    print(type(e).__name__, e)
