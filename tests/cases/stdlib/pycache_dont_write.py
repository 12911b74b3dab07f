# sys.dont_write_bytecode = True: modules imported afterwards get no cache file
# (their __cached__ still names where it would be); an existing one is still read.
import os, sys

sys.dont_write_bytecode = True
NAME = "tmp_pycache_dont_write_mod"
with open(NAME + ".py", "w") as f:
    f.write("X = 'x'\n")
m = __import__(NAME)
print(m.X, os.path.exists(m.__cached__), m.__cached__.endswith(".pyc"))
sys.dont_write_bytecode = False
del sys.modules[NAME]
m = __import__(NAME)
print(m.X, os.path.exists(m.__cached__))
os.remove(m.__cached__)
