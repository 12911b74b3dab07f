import signal, os

print([(s, signal.getsignal(s)) for s in (1, 2, 13, 25, 15)])
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(15).name, signal.NSIG)
print(len(signal.valid_signals()), sorted(signal.valid_signals())[29:33])
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM), signal.strsignal(40))
print(signal.default_int_handler)

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__))

old = signal.signal(signal.SIGUSR1, handler)
print("old", old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(1000):
    pass
print(got)

# SIGINT: a Python handler, then the default one raising KeyboardInterrupt
signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print(got[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    for _ in range(1000):
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")

# a handler that raises
def boom(signum, frame):
    raise RuntimeError(f"signal {signum}")
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("RuntimeError", e)

# ignoring, then restoring the default
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))

for bad in [(0, signal.SIG_DFL), (signal.NSIG, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_IGN), (signal.SIGINT, 5), (signal.SIGINT, None), ("x", signal.SIG_DFL)]:
    try:
        signal.signal(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [0, 100, -1]:
    try:
        signal.getsignal(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.strsignal(0)
except Exception as e:
    print(type(e).__name__, e)
print(signal.alarm(0))
