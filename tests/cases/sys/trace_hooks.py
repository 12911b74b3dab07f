# sys.gettrace/getprofile report no hook; settrace(None)/setprofile(None)
# (what doctest and unittest do) are accepted.
import sys

print(sys.gettrace(), sys.getprofile())
print(sys.settrace(None), sys.setprofile(None))
print(sys.gettrace(), sys.getprofile())
try:
    sys.gettrace(1)
except TypeError as e:
    print("TypeError", e)
try:
    sys.settrace()
except TypeError as e:
    print("TypeError", e)
