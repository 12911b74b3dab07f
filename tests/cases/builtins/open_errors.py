try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open("x.txt", "zz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("x.txt", "rw")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    open("x.txt", "rb", encoding="utf-8")
except ValueError as e:
    print(type(e).__name__, e)
print(isinstance(FileNotFoundError(), OSError), OSError is IOError, EnvironmentError is OSError)
