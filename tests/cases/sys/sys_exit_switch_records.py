# sys.exit with a tuple uses it as SystemExit's arguments; sys.flags and
# sys.version_info cannot be instantiated; setswitchinterval keeps its value;
# argument errors of the no-argument sys functions.
import sys

for f in [lambda: sys.exit((42,)), lambda: sys.exit((17, 23)), lambda: sys.exit(),
          lambda: sys.exit(()), lambda: sys.exit("msg"), lambda: sys.exit([1])]:
    try:
        f()
    except SystemExit as e:
        print(repr(e.code), e.args)
for f in [lambda: type(sys.flags)(), lambda: type(sys.version_info)((1,)),
          lambda: sys.getdefaultencoding(1), lambda: sys.is_finalizing(1),
          lambda: sys.getswitchinterval(1), lambda: sys.setswitchinterval(0),
          lambda: sys.setswitchinterval(-1.5), lambda: sys.setswitchinterval("x"),
          lambda: sys.setswitchinterval()]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.getswitchinterval())
sys.setswitchinterval(0.25)
print(sys.getswitchinterval())
sys.setswitchinterval(2)
print(sys.getswitchinterval())
print(sys.getdefaultencoding(), sys.is_finalizing(), sys.flags.optimize, sys.version_info[:2])
