# os errors: OSError subclasses with errno, strerror, filename.
import os
import errno

def attempt(f, *a):
    try:
        f(*a)
    except OSError as e:
        print(f.__name__, type(e).__name__, e.errno, errno.errorcode[e.errno], e.strerror, e.filename, e.filename2)
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)

attempt(os.stat, "tmp_os_errors_missing")
attempt(os.lstat, b"tmp_os_errors_missing")
attempt(os.listdir, "tmp_os_errors_missing")
attempt(os.rmdir, "tmp_os_errors_missing")
attempt(os.remove, "tmp_os_errors_missing")
attempt(os.rename, "tmp_os_errors_missing", "tmp_os_errors_other")
attempt(os.chdir, "tmp_os_errors_missing")
attempt(os.open, "tmp_os_errors_missing", os.O_RDONLY)
attempt(os.readlink, "os_errors.py")
attempt(os.close, 999)
attempt(os.fstat, 999)
attempt(os.read, 999, 1)
attempt(os.stat, 3.5)
attempt(os.stat, "a\0b")
attempt(os.listdir, 5)
attempt(os.mkdir, ".")
attempt(os.putenv, "A=B", "x")
attempt(os.rename, "a", b"b")
os.mkdir("tmp_os_errors_d")
attempt(os.remove, "tmp_os_errors_d")
attempt(os.mkdir, "tmp_os_errors_d")
os.rmdir("tmp_os_errors_d")
print(os.path.exists("tmp_os_errors_d"), os.path.exists("a\0b"), os.path.isdir(""), os.path.getsize("os_errors.py") > 0)
print(str(OSError(2, "No such file or directory", "f")))
os.stat("tmp_os_errors_missing")
