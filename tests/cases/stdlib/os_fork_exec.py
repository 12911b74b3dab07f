# os.fork with register_at_fork hooks, the child's exit status, os.execv/execve
# in a child, os.setsid, os.ttyname, and their argument errors.
import os
import sys


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


sys.unraisablehook = lambda u: print("unraisable", type(u.exc_value).__name__, u.object.__name__)


events = []


def failing_hook():
    1 / 0


os.register_at_fork(before=lambda: print("before1"), after_in_parent=lambda: events.append("parent"),
                    after_in_child=lambda: print("child"))
os.register_at_fork(before=lambda: print("before2"), after_in_child=failing_hook)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("in child", os.getppid() != os.getpid())
    sys.stdout.flush()
    sys.exit(7)
print("child exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), events)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(3)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.stdout.flush()
    raise SystemExit("message")
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    os.execve("/bin/sh", ["sh", "-c", "echo $GREETING from sh"], {"GREETING": "hello"})
os.close(w)
print(os.read(r, 100))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.setsid()
    os.execv("/bin/sh", ("sh", "-c", "exit 5"))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

t(os.register_at_fork)
t(os.register_at_fork, before=1)
t(os.register_at_fork, lambda: 0)
t(os.register_at_fork, after_in_parent=None)
t(os.register_at_fork, after_in_child=None, before=print, x=1)
t(os.fork, 1)
t(os.execv, "/bin/true", "x")
t(os.execv, "/bin/true", [])
t(os.execv, "/bin/true", [""])
t(os.execv, "/nonexistent", ["a"])
t(os.execv, "/bin/true", [1])
t(os.execv, "/bin/true", ["a\0b"])
t(os.execv, "/bin/true")
t(os.execve, "/bin/true", "x", {})
t(os.execve, "/bin/true", [], {})
t(os.execve, "/bin/true", [""], {})
t(os.execve, "/nonexistent", ["a"], {})
t(os.execve, "/bin/true", ["a"], [])
t(os.execve, "/bin/true", ["a"], {"a=b": "c"})
t(os.execve, "/bin/true", ["a"], {1: "c"})
m, s = os.openpty()
print(os.ttyname(s).startswith("/dev/pts/"))
t(os.ttyname, r)
t(os.ttyname, 9999)
t(os.ttyname, "x")
t(os.setsid, 1)
