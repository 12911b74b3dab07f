# zipfile with ZIP_DEFLATED (raw deflate streams and CRC-32 through zlib).
import io
import zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "hello " * 1000)
    z.writestr("b.bin", bytes(range(256)) * 10, compress_type=zipfile.ZIP_STORED)
    z.writestr("c.txt", "", compresslevel=9)
with zipfile.ZipFile(buf) as z:
    for info in z.infolist():
        print(info.filename, info.compress_type, info.file_size, info.CRC)
    print(z.read("a.txt")[:12], len(z.read("b.bin")), z.read("c.txt"), z.testzip())
    with z.open("a.txt") as f:
        print(f.read(5), len(f.read()))
