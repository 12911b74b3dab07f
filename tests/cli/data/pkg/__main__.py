import sys
print("pkg main", __name__, __package__, sys.argv[1:])
