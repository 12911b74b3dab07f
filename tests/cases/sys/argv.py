# args: first "two words" --flag
import sys
print(sys.argv, len(sys.argv))
