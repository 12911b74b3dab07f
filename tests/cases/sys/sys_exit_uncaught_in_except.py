import sys
try:
    raise KeyError("during")
except KeyError:
    print("handling, then exit")
    sys.exit(5)
