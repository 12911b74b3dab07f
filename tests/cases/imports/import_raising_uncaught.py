import sys; sys.path.insert(0, sys.path[0] + "/lib")
print("before import")
import raising_mod
