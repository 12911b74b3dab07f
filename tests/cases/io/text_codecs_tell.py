import io
for enc in ["utf-16", "cp1252", "utf-32-be"]:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding=enc, newline="")
    t.write("one\r\ntwo €\nthree\r")
    t.flush()
    r = io.TextIOWrapper(io.BytesIO(b.getvalue()), encoding=enc, newline=None)
    marks = []
    while True:
        p = r.tell(); l = r.readline()
        if not l: break
        marks.append((p, l))
    print(enc, [l for p, l in marks])
    for p, l in marks:
        r.seek(p); assert r.readline() == l, (p, l)
    w = io.TextIOWrapper(io.BytesIO(b.getvalue()), encoding=enc)
    w.seek(0, 2)
    w.write("more")
    w.flush()
    print(w.buffer.getvalue()[-12:])
for enc in ["utf-16", "utf-16-le", "cp1252", "utf-32", "iso8859-15"]:
    t = io.TextIOWrapper(io.BytesIO(), encoding=enc)
    t.write("héllo\nwörld €\n")
    t.flush()
    data = t.buffer.getvalue()
    r = io.TextIOWrapper(io.BytesIO(data), encoding=enc)
    print(enc, data, repr(r.readline()), repr(r.read()))
