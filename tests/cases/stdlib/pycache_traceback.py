# Tracebacks through code loaded from the cache show the module's file, the
# line and the source text.
import os, sys

NAME = "tmp_pycache_traceback_mod"
with open(NAME + ".py", "w") as f:
    f.write("import sys\n\n\ndef outer(x):\n    return inner(x) + 1\n\n\n"
            "def inner(x):\n    y = x * 2\n    return y / 0\n")

m = __import__(NAME)
del sys.modules[NAME]
m = __import__(NAME)
print(m.outer.__code__.co_filename == m.__file__, m.outer.__code__.co_firstlineno)
try:
    m.outer(1)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb:
        code = tb.tb_frame.f_code
        print(os.path.basename(code.co_filename), tb.tb_lineno, code.co_name)
        tb = tb.tb_next
os.remove(m.__cached__)
m.outer(2)
