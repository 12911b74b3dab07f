this first line is not python and is skipped by -x
import sys
print("ran with -x", sys.argv[1:])
