# os.path string operations (posixpath) and os module constants.
import os
import os.path as P

for a in [("a", "b"), ("/a", "b", "c"), ("a/", "/b"), ("", "x"), ("a", ""), (b"x", b"y")]:
    print("join", a, P.join(*a))
for p in ["a/b/c.txt", "/", "", "a", "a/", "/a/b/", b"/x/y.tar.gz", "//a//b"]:
    print("split", repr(p), P.split(p), P.splitext(p), P.basename(p), P.dirname(p))
for p in ["a/./b/../c", "//a", "///a", "/../x", "", ".", "a/../..", "../a/b/.."]:
    print("normpath", repr(p), P.normpath(p))
print(P.relpath("/a/b/c", "/a"), P.relpath("/a", "/a/b/c"), P.relpath("/x", "/x"))
print(P.isabs("/a"), P.isabs("a"), P.commonprefix(["abc", "abd"]), P.commonpath(["/a/b", "/a/c"]))
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.linesep == "\n", os.name)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(os.fspath("s"), os.fspath(b"b"), os.error is OSError)
class PL:
    def __fspath__(self):
        return "pl/x"
print(os.fspath(PL()), P.join(PL(), "y"), P.basename(PL()))
for bad in [1, None, [1]]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    P.join("a", b"b")
except TypeError as e:
    print(type(e).__name__, e)
print(P.expanduser("~nonexistent_user_xyz/a"), P.expanduser("a/~"))
print(os.strerror(2), "|", os.strerror(13))
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
P.join(1, "a")
