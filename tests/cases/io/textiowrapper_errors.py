import io

def attempt(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding="nope"))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), errors=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), newline="x"))
attempt(lambda: io.TextIOWrapper(io.BytesIO(), newline=1))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).write(b"x"))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).seek(0, 3))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).seek(1, 1))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).seek(1, 2))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).seek(-1))
attempt(lambda: io.TextIOWrapper(io.BytesIO()).fileno())
attempt(lambda: io.TextIOWrapper(io.BufferedReader(io.BytesIO())).write("x"))
attempt(lambda: io.TextIOWrapper(io.BufferedWriter(io.BytesIO())).read())
t = io.TextIOWrapper(io.BytesIO(b"x\ny\n"))
print(next(t))
attempt(t.tell)
t.close()
for name in ["read", "readline", "tell", "flush", "write"]:
    attempt(lambda: getattr(t, name)("x") if name == "write" else getattr(t, name)())
attempt(lambda: t.seek(0))
attempt(lambda: next(t))
