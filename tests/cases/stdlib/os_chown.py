# os.chown/lchown/fchown (ids of -1 leave the owner unchanged), and their argument errors.
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
open(p, "w").close()
st = os.stat(p)
print(os.chown(p, st.st_uid, st.st_gid), os.chown(p, -1, -1), os.lchown(p, -1, st.st_gid))
fd = os.open(p, os.O_RDONLY)
print(os.fchown(fd, -1, -1), os.chown(fd, st.st_uid, -1))
os.close(fd)
print(os.chown in os.supports_fd)
for f in [lambda: os.chown('/nonexist', 1, 1), lambda: os.chown(p, 'a', 1), lambda: os.chown(p, 1, 2.0), lambda: os.lchown('/nonexist', -1, -1),
          lambda: os.fchown(999, -1, -1), lambda: os.chown(1.5, 1, 1), lambda: os.chown(p, -5, 1), lambda: os.chown(p, 1, 2**33), lambda: os.chown(p, 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
os.unlink(p); os.rmdir(d)
