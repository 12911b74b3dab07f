# select.select and select.poll on a pipe; argument errors.
import select, os, selectors
rfd, wfd = os.pipe()
r, w, x = select.select([rfd], [wfd], [], 0)
print(r, w == [wfd], x)
os.write(wfd, b"x")
print(select.select([rfd], [], [], 1.5)[0] == [rfd], select.select([rfd], [], [], None)[0] == [rfd])
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
f = F(rfd)
print(select.select([f], [], [])[0][0] is f)
p = select.poll()
p.register(rfd, select.POLLIN)
p.register(F(wfd))
print(sorted((fd == rfd, ev) for fd, ev in p.poll(0)))
p.modify(wfd, select.POLLIN)
print([(fd == rfd, ev) for fd, ev in p.poll(10)])
p.unregister(rfd)
p.unregister(wfd)
print(p.poll(0), p.poll(1.5), select.POLLIN, select.POLLOUT, select.POLLHUP, select.error is OSError)
os.close(wfd)
p.register(rfd)
print([(ev & select.POLLHUP) != 0 for fd, ev in p.poll()])
def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: p.unregister(99))
attempt(lambda: p.modify(99, 1))
attempt(lambda: p.register(-1))
attempt(lambda: p.register(rfd, 1 << 20))
attempt(lambda: p.poll("x"))
attempt(lambda: select.select([-1], [], []))
attempt(lambda: select.select([], [], [], "x"))
attempt(lambda: select.select([], [], [], -1))
attempt(lambda: select.select(1, [], []))
attempt(lambda: select.select([object()], [], []))
attempt(lambda: select.select([F("x")], [], []))
os.close(rfd)
attempt(lambda: select.select([rfd], [], [], 0))
with selectors.DefaultSelector() as s:
    a, b = os.pipe()
    s.register(a, selectors.EVENT_READ, "data")
    os.write(b, b"y")
    print([(k.fd == a, k.data, ev) for k, ev in s.select(1)])
    os.close(a); os.close(b)
