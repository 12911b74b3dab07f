# syslog: openlog/syslog/closelog/setlogmask, LOG_MASK/LOG_UPTO, the constants
# and the argument errors (messages go to the system logger, not to output).
import syslog


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(n for n in dir(syslog) if not n.startswith("__")))
print([(n, getattr(syslog, n)) for n in sorted(dir(syslog)) if n.isupper() and not callable(getattr(syslog, n))])
t(syslog.LOG_MASK, 3)
t(syslog.LOG_UPTO, 3)
t(syslog.LOG_UPTO, syslog.LOG_WARNING)
t(syslog.LOG_MASK, "x")
t(syslog.LOG_UPTO)
t(syslog.syslog, "implicitly opened")
t(syslog.syslog, syslog.LOG_DEBUG, "from the differential tests")
t(syslog.openlog, "ferropy-test", logoption=syslog.LOG_PID, facility=syslog.LOG_USER)
t(syslog.syslog, "a\0b")
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR))
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_ERR), syslog.setlogmask(old) == syslog.LOG_UPTO(syslog.LOG_ERR))
for a in [(), (1,), ("a", "b"), (1, 2), (1, "x", 3)]:
    t(syslog.syslog, *a)
t(syslog.setlogmask, "x")
t(syslog.openlog, ident=1)
t(syslog.openlog, "x", "y")
t(syslog.openlog, "x", 0, 8, 4)
t(syslog.openlog, foo=1)
t(syslog.openlog, "\ud800")
t(syslog.openlog)
t(syslog.closelog)
t(syslog.closelog)
t(syslog.closelog, 1)
