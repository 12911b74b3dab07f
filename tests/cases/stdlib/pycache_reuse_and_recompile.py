# A module's compiled code is cached next to it (__pycache__/NAME.TAG.pyc) and
# reused while the source's mtime and size are unchanged; an edit that changes
# either is recompiled.
import os, sys, _frozen_importlib_external as ext

NAME = "tmp_pycache_reuse_and_recompile_mod"
PATH = NAME + ".py"


def write(text, mtime):
    with open(PATH, "w") as f:
        f.write(text)
    os.utime(PATH, (mtime, mtime))


def load():
    sys.modules.pop(NAME, None)
    return __import__(NAME)


write("VALUE = 1\n", 1_000_000_000)
m = load()
print("first", m.VALUE, os.path.isfile(m.__cached__))
print(m.__cached__ == ext.cache_from_source(m.__file__) == m.__spec__.cached)
print(os.path.relpath(m.__cached__).replace(sys.implementation.cache_tag, "TAG"))
print(ext.source_from_cache(m.__cached__) == m.__file__)

# Same size and mtime: the cached code is used, although the text differs.
write("VALUE = 2\n", 1_000_000_000)
print("same stamp", load().VALUE)
# Size changed, same mtime: recompiled.
write("VALUE = 33\n", 1_000_000_000)
print("size changed", load().VALUE)
# Same size, mtime changed: recompiled.
write("VALUE = 44\n", 1_000_000_100)
print("mtime changed", load().VALUE)
print("again", load().VALUE)
os.remove(m.__cached__)
print("cache removed", load().VALUE, os.path.isfile(m.__cached__))
os.remove(m.__cached__)
