def gen():
    yield 1
print(type(gen).__name__, bool(gen.__code__.co_flags & 0x20), gen.__name__)
g = gen()
print(type(g).__name__, g.__name__, g.__qualname__)
