import os, tempfile

path = os.path.join(tempfile.gettempdir(), "ferropy_io_bin_%d.bin" % os.getpid())
try:
    with open(path, "wb") as f:
        print(type(f).__name__, f.mode, f.name == path, f.raw.mode, f.raw.closefd)
        print(f.write(b"0123456789"), f.write(bytearray(b"abc\n")), f.write(memoryview(b"xyz\n")), f.tell())
    with open(path, "rb") as f:
        print(type(f).__name__, f.read(3), f.peek(2)[:2], f.read1(2), f.tell())
        print(f.readline(), f.readline(), f.readline())
        print(f.seek(2), f.read(2), f.seek(-2, 2), f.read(), f.seek(0, 1))
        ba = bytearray(4)
        f.seek(0)
        print(f.readinto(ba), ba, f.readinto1(bytearray(2)))
        f.seek(0)
        print(list(f))
        print(f.readable(), f.writable(), f.seekable(), f.fileno() > 2, f.isatty())
    with open(path, "r+b") as f:
        print(type(f).__name__, f.mode)
        print(f.read(4))
        f.write(b"WXYZ")
        print(f.tell())
        f.seek(0)
        print(f.read(12))
        print(f.truncate(6), f.tell())
        f.seek(0)
        print(f.read())
    with open(path, "ab") as f:
        print(f.mode, f.tell())
        f.write(b"++")
    with open(path, "rb", buffering=0) as f:
        print(type(f).__name__, f.read(), f.read(), f.mode)
    with open(path, "wb", buffering=0) as f:
        print(type(f).__name__, f.write(b"raw"))
    print(open(path, "rb").read())
    try:
        open(path, "xb")
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.strerror)
    os.remove(path)
    with open(path, "xb") as f:
        print(f.mode, f.writable(), f.readable())
finally:
    if os.path.exists(path):
        os.remove(path)
