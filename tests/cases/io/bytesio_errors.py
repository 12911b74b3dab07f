import io

def attempt(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: io.BytesIO(1))
attempt(lambda: io.BytesIO("x"))
attempt(lambda: io.BytesIO().write("x"))
attempt(lambda: io.BytesIO().seek(0, 3))
attempt(lambda: io.BytesIO().seek(-1))
attempt(lambda: io.BytesIO().seek("x"))
attempt(lambda: io.BytesIO().truncate(-1))
attempt(lambda: io.BytesIO().fileno())
attempt(lambda: io.BytesIO().detach())
attempt(lambda: io.BytesIO().readinto(b"xx"))
b = io.BytesIO(b"x")
b.close()
for name in ["read", "read1", "readline", "readlines", "getvalue", "tell", "readable", "writable", "seekable", "flush", "isatty", "truncate", "getbuffer"]:
    attempt(getattr(b, name))
attempt(lambda: b.write(b"x"))
attempt(lambda: b.seek(0))
attempt(lambda: next(b))
attempt(lambda: b.closed)
