# A cache file that is not a valid one (garbage, empty, another format) is
# ignored: the module is recompiled and the file rewritten.
import os, sys

NAME = "tmp_pycache_damaged_file_mod"
with open(NAME + ".py", "w") as f:
    f.write("def value():\n    return 'fresh'\n")


def load():
    sys.modules.pop(NAME, None)
    return __import__(NAME)


m = load()
cached = m.__cached__
for junk in [b"", b"garbage", b"\0" * 100, bytes(range(256)) * 4]:
    with open(cached, "wb") as f:
        f.write(junk)
    m = load()
    with open(cached, "rb") as f:
        print(len(junk), m.value(), f.read() != junk)
print(load().value())
os.remove(cached)
