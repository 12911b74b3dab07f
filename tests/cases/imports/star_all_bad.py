import sys; sys.path.insert(0, sys.path[0] + "/lib")
try:
    from star_bad import *
except AttributeError as e:
    print(type(e).__name__, e)
try:
    exec("def f():\n    from star_all import *\n")
except SyntaxError as e:
    print(type(e).__name__, e)
