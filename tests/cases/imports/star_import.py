import sys; sys.path.insert(0, sys.path[0] + "/lib")
from star_all import *
print(public, also_public)
try:
    hidden
except NameError as e:
    print(type(e).__name__, e)
from star_noall import *
print(visible)
try:
    _private
except NameError as e:
    print(type(e).__name__, e)
import star_noall
print(star_noall._private)
