path = "tmp_open_text_binary.txt"
with open(path, "w", encoding="utf-8") as f:
    n = f.write("line one\nline two\nünïcode\n")
    print("wrote", n, f.closed, f.mode, f.name)
print(f.closed)
with open(path, encoding="utf-8") as f:
    print(repr(f.readline()), f.readlines())
with open(path, "a", encoding="utf-8") as f:
    f.write("appended\n")
with open(path, encoding="utf-8") as f:
    print([l.rstrip("\n") for l in f])
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8], f.tell())
    f.seek(5)
    print(f.read(3))
with open(path, "wb") as f:
    f.write(b"\x00\x01binary")
with open(path, "rb") as f:
    print(f.read())
with open(path, "r+", encoding="utf-8") as f:
    print(repr(f.read(2)))
f = open(path, "w")
f.write("x")
f.close()
try:
    f.write("y")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
with open(path, "w", newline="") as f:
    f.write("a\r\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path) as f:
    print(repr(f.read()))
# tmp_<case name>* files are deleted by the harness after the run
