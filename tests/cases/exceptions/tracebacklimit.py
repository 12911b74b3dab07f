# sys.tracebacklimit: the uncaught-exception report shows at most that many
# entries, the most recent ones; none (and no header) when it is not positive.
import sys


def f1():
    1 / 0


def f2():
    f1()


def report(limit):
    sys.tracebacklimit = limit
    try:
        f2()
    except ZeroDivisionError as e:
        sys.excepthook(type(e), e, e.__traceback__)


for limit in (10, 2, 1, 0, -1, 1 << 100, -(1 << 100), "x"):
    print("limit", limit, file=sys.stderr)
    report(limit)
del sys.tracebacklimit
sys.tracebacklimit = 2
f2()
