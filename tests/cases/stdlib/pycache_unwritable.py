# When __pycache__ cannot be created (here a file has its name) the module is
# imported anyway, without a cache file.
import os, shutil, sys

DIR = "tmp_pycache_unwritable_dir"
os.mkdir(DIR)
with open(os.path.join(DIR, "__pycache__"), "w") as f:
    f.write("not a directory\n")
with open(os.path.join(DIR, "tmp_unwritable_mod.py"), "w") as f:
    f.write("print('running', __name__)\nX = 1\n")
sys.path.insert(0, os.path.abspath(DIR))
import tmp_unwritable_mod
print(tmp_unwritable_mod.X, sorted(os.listdir(DIR)))
del sys.modules["tmp_unwritable_mod"]
import tmp_unwritable_mod
print(tmp_unwritable_mod.X, sorted(os.listdir(DIR)))
shutil.rmtree(DIR)
