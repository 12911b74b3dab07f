# faulthandler: tracebacks written to a descriptor, enable/disable, register,
# dump_traceback_later, and the argument errors.
import faulthandler
import io
import os
import re
import signal
import sys
import tempfile
import time

HERE = os.path.basename(__file__)


def show(text):
    text = re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text)
    text = text.replace(__file__, HERE)
    print(text, end="")


def captured(fn):
    """What fn(fd) writes to a descriptor."""
    with tempfile.TemporaryFile() as f:
        fn(f)
        f.seek(0)
        return f.read().decode("ascii")


def inner(f, **kw):
    faulthandler.dump_traceback(f, **kw)


def outer(f, **kw):
    inner(f, **kw)


show(captured(lambda f: outer(f)))
show(captured(lambda f: outer(f, all_threads=False)))
show(captured(lambda f: outer(f.fileno(), all_threads=0)))


def long_name_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx(f):
    faulthandler.dump_traceback(f, all_threads=False)


exec("def \u00e9t\u00e9(f):\n    faulthandler.dump_traceback(f, all_threads=False)\n", globals())
show(captured(lambda f: globals()["\u00e9t\u00e9"](f)))

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
faulthandler.enable(all_threads=False)
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def errors(fn, *args, **kw):
    try:
        fn(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")


errors(faulthandler.dump_traceback, -1)
errors(faulthandler.dump_traceback, io.StringIO())
errors(faulthandler.dump_traceback, 1.5)
errors(faulthandler.dump_traceback, 2**40)
errors(faulthandler.enable, -3)
errors(faulthandler.dump_traceback_later, 0)
errors(faulthandler.dump_traceback_later, -1.5)
errors(faulthandler.dump_traceback_later, "1")
for t in [1e300, 10**30, 10**12, 9.3e9, float("nan"), float("inf"), []]:
    errors(faulthandler.dump_traceback_later, t)
errors(faulthandler.register, signal.SIGSEGV)
errors(faulthandler.register, 0)
errors(faulthandler.register, 100)
errors(faulthandler.unregister, signal.SIGABRT)
errors(faulthandler.unregister, -1)
print(faulthandler.unregister(signal.SIGUSR2))
saved = sys.stderr
sys.stderr = None
errors(faulthandler.enable)
errors(faulthandler.dump_traceback)
errors(faulthandler.register, signal.SIGUSR1)
sys.stderr = saved
faulthandler.cancel_dump_traceback_later()


def later(f):
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.5)
    faulthandler.cancel_dump_traceback_later()


show(captured(later))


def cancelled(f):
    faulthandler.dump_traceback_later(0.2, repeat=True, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.3)


show(captured(cancelled))


def user_signal(f):
    faulthandler.register(signal.SIGUSR1, f, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))


show(captured(user_signal))

called = []
signal.signal(signal.SIGUSR2, lambda *a: called.append(a[0]))


def chained(f):
    faulthandler.register(signal.SIGUSR2, f, chain=True)
    os.kill(os.getpid(), signal.SIGUSR2)
    faulthandler.unregister(signal.SIGUSR2)


show(captured(chained))
print(called)
