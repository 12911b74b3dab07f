import io, os, tempfile

path = os.path.join(tempfile.gettempdir(), "ferropy_io_raw_%d.bin" % os.getpid())
try:
    f = io.FileIO(path, "w")
    print(f.mode, f.closefd, f.name == path, f.writable(), f.readable(), f.seekable())
    print(f.write(b"hello world"), f.tell(), f.seek(0), f.seek(0, 2))
    print(repr(f).replace(repr(path), "PATH"))
    f.close()
    print(f.closed, repr(f))
    f = io.FileIO(path)
    print(f.mode, f.read(5), f.read(), f.read(), f.readall())
    f.seek(0)
    b = bytearray(3)
    print(f.readinto(b), b)
    fd = f.fileno()
    g = io.FileIO(fd, closefd=False)
    print(g.name == fd, g.closefd, repr(g).startswith("<_io.FileIO fd="), g.read(2))
    g.close()
    print(f.read(2))
    f.close()
    f = io.FileIO(path, "r+")
    print(f.mode, f.truncate(5), f.read())
    f.close()
    f = io.FileIO(path, "a")
    print(f.mode, f.tell())
    f.close()
    opened = []
    def opener(p, flags):
        opened.append(p == path)
        return os.open(p, flags)
    with io.FileIO(path, "rb", opener=opener) as f:
        print(opened, f.read())
    for args in [(path, "rw"), (path, "q"), (path, "r++"), (path, "")]:
        try:
            io.FileIO(*args)
        except ValueError as e:
            print("ValueError", e)
    for bad in [(-1,), (1.5,), (path, "r", False)]:
        try:
            io.FileIO(*bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    f = io.FileIO(path)
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("ValueError", e)
    f = io.FileIO(path, "w")
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    f.close()
finally:
    os.remove(path)
