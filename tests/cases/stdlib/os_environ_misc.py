# env: FERROPY_TEST_VAR=hello
# os.environ, getcwd, process and misc functions.
import os
import sys

print(os.environ.get("FERROPY_TEST_VAR"), os.environ.get("NO_SUCH_VAR_XYZ"), os.getenv("NO_SUCH_VAR_XYZ", "dflt"))
print(os.environb.get(b"FERROPY_TEST_VAR"), "FERROPY_TEST_VAR" in os.environ, type(os.environ).__name__)
os.environ["FERROPY_NEW"] = "v1"
print(os.environ["FERROPY_NEW"], os.getenv("FERROPY_NEW"))
del os.environ["FERROPY_NEW"]
print(os.environ.get("FERROPY_NEW"))
try:
    os.environ["FERROPY_BAD"] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    os.environ["NO_SUCH_VAR_XYZ"]
except KeyError as e:
    print(type(e).__name__, e)
print(os.getcwd() == os.path.abspath("."), os.getcwdb() == os.getcwd().encode(), os.path.isabs(os.getcwd()))
print(os.path.abspath("x/../y") == os.path.join(os.getcwd(), "y"))
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(len(os.urandom(16)), type(os.urandom(0)).__name__, os.cpu_count() >= 1)
u = os.uname()
print(type(u).__name__, len(u), u.sysname, isinstance(u.release, str))
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(os.device_encoding(99), os.isatty(99))
try:
    os.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
print(sorted(k for k in ["stat", "listdir", "scandir", "getcwd", "environ", "path", "walk", "makedirs",
                         "fsencode", "fsdecode", "PathLike", "DirEntry", "stat_result"] if hasattr(os, k)))
print(os.fsencode("abc"), os.fsdecode(b"abc"), issubclass(os.DirEntry, os.PathLike))
print(sys.modules["os.path"] is os.path, os.path.__name__)
os.environ["NO_SUCH_VAR_XYZ"]
