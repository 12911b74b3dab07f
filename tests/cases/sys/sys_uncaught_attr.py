import sys
print(sys.maxsize > 0)
print(sys.no_such_attribute)
