# errno constants and atexit ordering, unregister and exceptions at exit.
import errno
import atexit

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
print(sorted(n for n in dir(errno) if n.startswith("E"))[:5])

class Named:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __call__(self, *args, **kw):
        print("atexit", self.name, args, kw)
        if self.fail:
            raise ValueError("boom " + self.name)
    def __repr__(self):
        return "<Named %s>" % self.name

n0 = atexit._ncallbacks()
first = Named("first")
print(atexit.register(first) is first)
atexit.register(Named("second", fail=True), 1, 2, k="v")
atexit.register(Named("third"))
gone = Named("gone")
atexit.register(gone)
atexit.unregister(gone)
print(atexit._ncallbacks() - n0)
try:
    atexit.register()
except TypeError as e:
    print(type(e).__name__, e)
try:
    atexit.register(42)
except TypeError as e:
    print(type(e).__name__, e)
print("end of main")
