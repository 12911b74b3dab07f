import sys
print("mod", __name__, sys.argv[1:], sys.argv[0].endswith("mod.py"))
