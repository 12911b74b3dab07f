import io

def attempt(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: io.StringIO(1))
attempt(lambda: io.StringIO(b"x"))
attempt(lambda: io.StringIO(newline="x"))
attempt(lambda: io.StringIO(newline=1))
attempt(lambda: io.StringIO().write(b"x"))
attempt(lambda: io.StringIO().write())
attempt(lambda: io.StringIO().seek(0, 3))
attempt(lambda: io.StringIO().seek(1, 1))
attempt(lambda: io.StringIO().seek(-1, 2))
attempt(lambda: io.StringIO().seek(-1))
attempt(lambda: io.StringIO().seek(1.5))
attempt(lambda: io.StringIO().truncate(-1))
attempt(lambda: io.StringIO().read("x"))
attempt(lambda: io.StringIO().fileno())
attempt(lambda: io.StringIO().detach())
s = io.StringIO("x")
s.close()
s.close()
for name in ["read", "readline", "getvalue", "tell", "readable", "writable", "seekable", "flush", "isatty", "truncate"]:
    attempt(getattr(s, name))
attempt(lambda: s.write("x"))
attempt(lambda: s.seek(0))
attempt(lambda: next(s))
attempt(lambda: iter(s))
attempt(lambda: s.line_buffering)
attempt(lambda: s.newlines)
attempt(lambda: s.closed)
