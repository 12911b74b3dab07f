import os, tempfile

path = os.path.join(tempfile.gettempdir(), "ferropy_io_text_%d.txt" % os.getpid())
try:
    with open(path, "w", encoding="utf-8") as f:
        print(f.name == path, f.mode, f.encoding, f.buffer.mode, f.buffer.raw.mode, type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
        print(f.write("first line\n"), f.write("ünïcödé\n"), f.write("last"))
        print(f.tell(), f.writable(), f.readable(), f.seekable(), f.isatty(), f.closed)
    print(f.closed)
    with open(path, encoding="utf-8") as f:
        print(repr(f.readline()), f.tell())
        print(repr(f.read(3)), f.tell())
        print([l for l in f])
    with open(path, encoding="utf-8") as f:
        print(f.read())
    with open(path, encoding="utf-8") as f:
        print(f.readlines())
    with open(path, "a", encoding="utf-8") as f:
        print(f.tell(), f.mode)
        f.write("\nappended\n")
    with open(path, encoding="utf-8") as f:
        print(f.read().splitlines())
    with open(path, "r+", encoding="utf-8") as f:
        print(f.read(5), f.mode, type(f.buffer).__name__)
        f.seek(0)
        f.write("FIRST")
        f.seek(0)
        print(f.readline())
    f = open(path, "w", encoding="utf-8")
    f.write("not closed, flushed at exit or when collected\n")
    f.flush()
    print(open(path, encoding="utf-8").read().strip())
    f.close()
    with open(path, "w") as f:
        f.writelines(["a\n", "b\n"])
    with open(path) as f:
        print(f.encoding.lower().replace("-", ""), list(f))
    with open(path, "x" if False else "w", buffering=1) as f:
        print(f.line_buffering)
finally:
    os.remove(path)
