# atexit: _run_exitfuncs, _clear, and callbacks after an uncaught exception.
import atexit

def hello(who="world"):
    print("hello", who)

atexit.register(hello)
atexit.register(hello, "again")
atexit._run_exitfuncs()
print("ran")
atexit._run_exitfuncs()
atexit.register(print, "cleared")
atexit._clear()
atexit.register(print, "at exit", "after traceback", sep="-")
raise RuntimeError("main fails")
