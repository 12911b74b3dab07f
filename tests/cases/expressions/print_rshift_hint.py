# `print >> f` (Python 2 syntax) fails with CPython's hint; other callables
# and the in-place form get the plain message.
import sys

for make in [lambda: print >> sys.stderr, lambda: print >> 1, lambda: len >> 1,
             lambda: print << 1, lambda: (lambda: 0) >> 1]:
    try:
        make()
    except TypeError as e:
        print(str(e).replace("_io.", ""))
p = print
try:
    p >>= 1
except TypeError as e:
    print(e)
print >> 2, "hi"
