# The gzip module over zlib: compress/decompress, GzipFile writing and reading in chunks, bad data.
import gzip
import io
data = b"".join(b"%d lorem ipsum\n" % i for i in range(2000))
c = gzip.compress(data, mtime=0)
print(c[:4], gzip.decompress(c) == data, gzip.decompress(c + c) == data + data)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    for i in range(0, len(data), 777):
        f.write(data[i:i + 777])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), len(f.readline()), len(f.read()) + 10 + 17 == len(data) or len(data))
buf.seek(0)
with gzip.open(buf, "rt", encoding="ascii") as f:
    print(sum(1 for _ in f))
for bad in [b"not gzip at all", c[:-4], c[:20]]:
    try:
        gzip.decompress(bad)
    except Exception as e:
        print(type(e).__name__, e)
