# termios on a pseudo-terminal: attributes, window size, line control, tty
# modes, and the errors (termios.error, argument checks).
import os
import termios
import tty

master, slave = os.openpty()
print(os.isatty(master), os.isatty(slave), os.get_inheritable(slave))


def t(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e, e.args if isinstance(e, termios.error) else "")
    else:
        print(repr(r))


attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]), [type(x).__name__ for x in attrs[:6]])
print(attrs[3] & termios.ICANON != 0, attrs[6][termios.VINTR], attrs[6][termios.VEOF])
new = termios.tcgetattr(slave)
new[3] &= ~(termios.ECHO | termios.ICANON)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
t(termios.tcsetattr, slave, termios.TCSANOW, new)
got = termios.tcgetattr(slave)
print(got[3] & termios.ECHO, got[3] & termios.ICANON, got[6][termios.VMIN], got[6][termios.VTIME])
t(termios.tcsetattr, slave, termios.TCSAFLUSH, attrs)
print(termios.tcgetattr(slave) == attrs)
speeds = termios.tcgetattr(slave)
speeds[4] = speeds[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSANOW, speeds)
print(termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])

t(termios.tcsetwinsize, slave, (24, 80))
t(termios.tcgetwinsize, slave)
t(termios.tcsetwinsize, master, [50, 132])
t(termios.tcgetwinsize, slave)
t(termios.tcsetwinsize, slave, (70000, 1))
t(termios.tcsetwinsize, slave, (-1, 1))
t(termios.tcsetwinsize, slave, (1,))
t(termios.tcsetwinsize, slave, 5)
t(termios.tcsetwinsize, slave, ("a", 1))
t(termios.tcdrain, slave)
t(termios.tcflush, slave, termios.TCIOFLUSH)
t(termios.tcflow, slave, termios.TCOON)
t(termios.tcsendbreak, slave, 0)

os.write(master, b"typed\n")
print(os.read(slave, 100))
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & (termios.ECHO | termios.ICANON | termios.ISIG), raw[6][termios.VMIN], raw[6][termios.VTIME])
tty.setcbreak(slave)
print(termios.tcgetattr(slave)[3] & termios.ICANON)

r, w = os.pipe()
for f, a in [(termios.tcgetattr, (r,)), (termios.tcgetwinsize, (r,)), (termios.tcdrain, (r,)),
             (termios.tcflush, (r, 0)), (termios.tcflow, (r, 1)), (termios.tcsendbreak, (r, 0)),
             (termios.tcsetattr, (r, 0, attrs)), (termios.tcsetwinsize, (r, (1, 1))),
             (termios.tcgetattr, (9999,)), (termios.tcgetattr, (-1,)), (termios.tcgetattr, ("x",)),
             (termios.tcgetattr, ()), (termios.tcflush, (slave,)), (termios.tcflush, (slave, "x")),
             (termios.tcflush, (slave, 2**40))]:
    t(f, *a)
bad = list(attrs)
t(termios.tcsetattr, slave, 0, bad[:6])
t(termios.tcsetattr, slave, 0, tuple(bad))
t(termios.tcsetattr, slave, 0, bad[:6] + [bad[6][:5]])
t(termios.tcsetattr, slave, 0, bad[:6] + [["x"] * termios.NCCS])
t(termios.tcsetattr, slave, 0, bad[:6] + [[b"ab"] * termios.NCCS])
t(termios.tcsetattr, slave, 0, ["x"] + bad[1:])
t(termios.tcsetattr, slave, 99, attrs)
print(issubclass(termios.error, Exception), termios.error.__module__, repr(termios.error(1, "x")))
print(sorted(n for n in dir(termios) if not n.isupper() and not n.startswith("__")))
print(sum(1 for n in dir(termios) if n.isupper()), termios.NCCS, termios.TIOCGWINSZ, termios.B38400)
os.close(master)
os.close(slave)
