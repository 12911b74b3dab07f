# _stat, stat's C accelerator: type tests, S_IMODE/S_IFMT, filemode, constants
# and the mode argument's errors; os.mkfifo, os.get_blocking/set_blocking.
import _stat
import os
import stat
import tempfile


def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
modes = [0o040755, 0o100644, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755, 0o104755,
         0o102755, 0o101777, 0o104644, 0o102644, 0o101776, 0o170000, 0, 0o7777, True]
tests = [n for n in sorted(dir(_stat)) if n.startswith("S_IS") and callable(getattr(_stat, n))]
print(tests)
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [n for n in tests if getattr(_stat, n)(m)])
for bad in ["x", 1.0, None, -1, 2**32, 2**40, 2**70]:
    t(_stat.S_ISDIR, bad)
    t(_stat.filemode, bad)
t(_stat.S_IMODE)
t(_stat.S_IFMT, 1, 2)
print([(n, getattr(_stat, n)) for n in sorted(dir(_stat)) if n.isupper() and not callable(getattr(_stat, n))])

with tempfile.TemporaryDirectory() as d:
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo, 0o600)
    st = os.stat(fifo)
    print(_stat.S_ISFIFO(st.st_mode), _stat.filemode(st.st_mode))
    t(os.mkfifo, fifo)
    t(os.mkfifo, os.path.join(d, "none", "x"))
r, w = os.pipe()
print(os.get_blocking(r))
os.set_blocking(r, False)
print(os.get_blocking(r), os.get_blocking(w))
os.set_blocking(r, True)
print(os.get_blocking(r))
t(os.get_blocking, 9999)
t(os.set_blocking, 9999, True)
t(os.set_blocking, r, "x")
t(os.get_blocking)
