# Which classes are generic (__class_getitem__), and Ellipsis/NotImplemented pickle by name.
import builtins, types, itertools, collections, collections.abc, contextlib, os, re, queue, weakref, functools, dataclasses, io, tempfile, difflib, fileinput, logging
mods = [builtins, types, itertools, collections, collections.abc, contextlib, os, re, queue, weakref, functools, dataclasses, io, tempfile, difflib, fileinput, logging]
out = []
for m in mods:
    for n in dir(m):
        t = getattr(m, n, None)
        if isinstance(t, type) and '__class_getitem__' in t.__dict__:
            out.append(f'{m.__name__}.{n}')
import asyncio
print(sorted(out))
def g(): yield
async def ag(): yield
print([hasattr(type(x), '__class_getitem__') for x in (g(), ag())])
print(Ellipsis.__reduce__(), NotImplemented.__reduce__())
import pickle; print(pickle.loads(pickle.dumps((..., NotImplemented))), pickle.loads(pickle.dumps(tuple[int, ...])))
