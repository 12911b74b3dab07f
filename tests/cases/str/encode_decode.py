s = "héllo €"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("utf-16-le")[:6], s.encode("utf-32")[:4] in (b"\xff\xfe\x00\x00",), b"h\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
for f in (lambda: s.encode("ascii"), lambda: b"\xff".decode(), lambda: s.encode("nonexistent"), lambda: "\ud800".encode(), lambda: b"\xc3".decode("utf-8")):
    try:
        f()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
