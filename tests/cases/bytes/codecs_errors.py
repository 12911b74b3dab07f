s = "aé€😀"
for enc in ("utf-8", "UTF8", "latin_1", "Latin-1", "ascii", "utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf_32_le", "iso-8859-1"):
    for errs in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            r = s.encode(enc, errs)
            print(enc, errs, r, r.decode(enc, "strict" if errs != "ignore" and errs != "replace" else "replace"))
        except UnicodeError as e:
            print(enc, errs, type(e).__name__, e, e.encoding, e.start, e.end, e.reason, repr(e.object))
for data in (b"\xff", b"a\xc3", b"\xe2\x82", b"\xe2\x28\xa1", b"\xf0\x9f\x98", b"ok\x80ok", b"\xed\xa0\x80", b"\xc0\xaf"):
    for errs in ("strict", "ignore", "replace", "backslashreplace"):
        try:
            print(data, errs, repr(data.decode("utf-8", errs)))
        except UnicodeDecodeError as e:
            print(data, errs, type(e).__name__, e, e.start, e.end, e.reason)
for data, enc in ((b"a", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdc\x00\x00", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\xff\xfeh\x00", "utf-16"), (b"\xfe\xff\x00h", "utf-16"),
                  (b"\x00\x00\x11\x00", "utf-32-le"), (b"abc", "utf-32"), (b"\x80abc", "ascii"), (b"\xff", "latin-1")):
    try:
        print(data, enc, repr(data.decode(enc)))
    except UnicodeDecodeError as e:
        print(data, enc, type(e).__name__, e)
for f in (lambda: "x".encode("nope"), lambda: b"x".decode("nope"), lambda: "é".encode("ascii", "bogus"), lambda: "x".encode("ascii", "bogus"), lambda: str(b"abc", "ascii"),
          lambda: str(b"\xff", "utf-8", "replace"), lambda: str(b"x", errors="strict"), lambda: "é".encode(errors="ignore"), lambda: b"x".decode(1), lambda: "x".encode(errors=1),
          lambda: UnicodeEncodeError("ascii", "xyz", 1, 3, "bad").__str__(), lambda: str(UnicodeDecodeError("utf-8", b"ab", 0, 1, "why")), lambda: "€€€".encode("latin-1"),
          lambda: str(memoryview(b"abc"), "ascii"), lambda: bytearray(b"h\xc3\xa9").decode(), lambda: str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "r"))):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
