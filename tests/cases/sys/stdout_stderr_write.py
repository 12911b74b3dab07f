import sys
n = sys.stdout.write("written to stdout\n")
print(n)
sys.stderr.write("written to stderr\n")
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(sys.stdout.writable(), sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr.name if hasattr(sys.stderr, "name") else None)
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdout.errors, sys.stderr.errors)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
sys.stdout.flush()
