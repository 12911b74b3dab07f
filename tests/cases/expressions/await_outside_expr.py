import sys
print(sys.version_info >= (3, 11))
print(__name__, __doc__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict")
