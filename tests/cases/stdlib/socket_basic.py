# _socket: socketpair, TCP and UDP on loopback, timeouts, name resolution, errors.
import socket, threading
print(socket.AF_INET, socket.SOCK_STREAM, repr(socket.AF_INET), socket.has_ipv6)
a, b = socket.socketpair()
a.sendall(b"hello")
print(b.recv(10), a.family, a.type, a.gettimeout(), a.getblocking())
b.settimeout(0.2)
try:
    b.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e)
a.close(); b.close()
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)
c = socket.create_connection((host, port))
conn, addr = srv.accept()
c.sendall(b"ping")
print(conn.recv(4), addr[0], conn.getpeername() == c.getsockname())
conn.sendall(b"pong")
f = c.makefile("rb")
print(f.read(4))
f.close()
conn.close(); c.close(); srv.close()
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x01\x02\x03\x04"), socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0"*15+b"\1"))
print(socket.htons(1), socket.ntohl(1), socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except socket.gaierror as e:
    print(type(e).__name__, e.errno in (-2, -3, -5))
s = socket.socket()
try:
    s.connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno)
print(s.connect_ex(("127.0.0.1", 1)))
s.close()
try: s.fileno() ; print(s.fileno())
except OSError as e: print(e)
try: socket.socket().bind(("127.0.0.1", 70000))
except OverflowError as e: print(e)
try: socket.socket().bind("x")
except TypeError as e: print(e)
u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
print(u.family, u.type)
u.close()
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
d.bind(("127.0.0.1", 0))
d.sendto(b"dgram", d.getsockname())
print(d.recvfrom(100)[0])
d.close()
print(socket.getdefaulttimeout())
print(repr(socket.socket(fileno=socket.socket().detach()).type))
s = socket.socket()
s.setblocking(False)
print(s.getblocking(), s.gettimeout(), s.timeout)
s.settimeout(2)
print(s.getblocking(), s.gettimeout())
for bad in ("x", -1):
    try:
        s.settimeout(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s.close()
try:
    s.send(b"x")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    socket.inet_aton("300.1.2.3")
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.htons(-1)
except OverflowError as e:
    print(type(e).__name__)
import unittest.mock, asyncio
print(unittest.mock.MagicMock()(1) is not None)
