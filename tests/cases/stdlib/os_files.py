# os file system calls on files the case creates (tmp_os_files*).
import os
import stat

d = "tmp_os_files_dir"
os.mkdir(d)
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d))
for n in ["b.txt", "a.txt", "c.py"]:
    with open(os.path.join(d, n), "w") as f:
        f.write("x" * len(n))
os.mkdir(os.path.join(d, "sub"))
print(sorted(os.listdir(d)), sorted(os.listdir(d.encode())))
st = os.stat(os.path.join(d, "b.txt"))
print(type(st).__name__, st.st_size, len(st), stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode))
print([type(getattr(st, a)).__name__ for a in ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                                               "st_size", "st_atime", "st_mtime", "st_ctime", "st_mtime_ns"]])
print(type(st[7]).__name__, st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8], isinstance(st, tuple))
print(os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields, os.stat_result.__match_args__)
print(os.path.getsize(os.path.join(d, "c.py")), os.path.isfile(os.path.join(d, "c.py")))
entries = sorted(os.scandir(d), key=lambda e: e.name)
print([(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink()) for e in entries])
print(repr(entries[0]), os.fspath(entries[0]), entries[0].stat().st_size)
with os.scandir(d) as it:
    print(sorted(e.name for e in it))
os.rename(os.path.join(d, "a.txt"), os.path.join(d, "z.txt"))
os.replace(os.path.join(d, "z.txt"), os.path.join(d, "b.txt"))
os.symlink("b.txt", os.path.join(d, "link"))
print(os.readlink(os.path.join(d, "link")), os.path.islink(os.path.join(d, "link")), os.path.realpath(os.path.join(d, "link")) == os.path.abspath(os.path.join(d, "b.txt")))
os.utime(os.path.join(d, "b.txt"), (1000000000, 1000000000.5))
st = os.stat(os.path.join(d, "b.txt"))
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
os.chmod(os.path.join(d, "c.py"), 0o600)
print(oct(stat.S_IMODE(os.stat(os.path.join(d, "c.py")).st_mode)), os.access(d, os.F_OK), os.access(d + "/nope", os.F_OK))
fd = os.open(os.path.join(d, "raw"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world"), os.fstat(fd).st_size)
os.close(fd)
fd = os.open(os.path.join(d, "raw"), os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
r, w = os.pipe()
os.write(w, b"through pipe")
print(os.read(r, 100), os.isatty(r), os.get_inheritable(r))
for x in (r, w):
    os.close(x)
os.makedirs(os.path.join(d, "m1", "m2"), exist_ok=True)
top = next(os.walk(d))
print(top[0], sorted(top[1]), sorted(top[2]))
for n in os.listdir(d):
    p = os.path.join(d, n)
    if os.path.isdir(p) and not os.path.islink(p):
        os.removedirs(os.path.join(d, "m1", "m2")) if n == "m1" else os.rmdir(p)
    else:
        os.remove(p)
os.rmdir(d)
print(os.path.exists(d), os.path.lexists(d))
