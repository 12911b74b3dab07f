import os, tempfile

path = os.path.join(tempfile.gettempdir(), "ferropy_io_tell_%d.txt" % os.getpid())
try:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("héllo\nwörld\r\nthird €\rend")
    for nl in [None, "", "\n"]:
        with open(path, encoding="utf-8", newline=nl) as f:
            marks = []
            while True:
                pos = f.tell()
                line = f.readline()
                if not line:
                    break
                marks.append((pos, line))
            # Cookies inside a chunk are opaque (CPython packs decoder state in them).
            print(repr(nl), [line for pos, line in marks], marks[0][0], f.tell())
            for pos, line in marks:
                f.seek(pos)
                assert f.readline() == line, (pos, line)
            f.seek(0)
            print(repr(f.read(3)), f.tell(), repr(f.read(4)), f.tell())
            print(f.seek(0, 2), repr(f.read()), f.seek(0, 1), f.seek(0))
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                f.tell()
            except OSError as e:
                print("OSError", e)
                break
        for line in f:
            pass
        print(f.tell())
    with open(path, "r+", encoding="utf-8") as f:
        f.readline()
        pos = f.tell()
        f.seek(pos)
        f.write("W")
        f.seek(0)
        print(repr(f.read()))
finally:
    os.remove(path)
