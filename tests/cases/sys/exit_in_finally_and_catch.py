import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no arg", e.code)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        sys.exit(5)
    finally:
        print("finally runs on exit")
except SystemExit as e:
    print(e.code)
raise SystemExit(True)
