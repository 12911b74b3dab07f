import sys; sys.path.insert(0, sys.path[0] + "/lib")
import once_mod
import once_mod
import sys
print(once_mod.counter)
del sys.modules["once_mod"]
import once_mod as again
print(again.counter)
