# os.system: the shell's wait status.
import os
print(os.system("exit 0"), os.waitstatus_to_exitcode(os.system("exit 3")), os.system(b"true"))
try:
    os.system("a\0b")
except ValueError as e:
    print(type(e).__name__, e)
try:
    os.system(1)
except TypeError as e:
    print(type(e).__name__)
