import codecs

def show(exc):
    print("  called with", type(exc).__name__, exc.encoding, repr(exc.object), exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ("<%s>" % "".join("U+%04X" % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    return ("<%s>" % exc.object[exc.start:exc.end].hex(), exc.end)

codecs.register_error("show", show)
print("aé€b".encode("ascii", "show"))
print("x€y".encode("latin-1", "show"))
print("x€y".encode("cp437", "show"))
print(b"a\xff\xfeb".decode("utf-8", "show"))
print(b"a\x81b".decode("cp1252", "show"))
print(b"a\x00\x00\xd8".decode("utf-16-le", "show"))

# Bytes replacements are copied; positions may be negative or skip ahead.
codecs.register_error("bytes", lambda e: (b"??", e.end))
print("aé€b".encode("ascii", "bytes"))
codecs.register_error("skip", lambda e: ("", -1))
print("aébc".encode("ascii", "skip"))
codecs.register_error("restart", lambda e: ("*", e.end + 1))
print(b"a\xffbcd".decode("ascii", "restart"))

# A str replacement the codec cannot encode raises the original error.
codecs.register_error("nonascii", lambda e: ("é", e.end))
for name, ret in [("badret", 42), ("badtuple", ("x",)), ("badpos", ("x", 99)), ("badtype", (1, 1))]:
    codecs.register_error(name, lambda e, ret=ret: ret)
for errors in ["nonascii", "badret", "badtuple", "badpos", "badtype"]:
    for f in (lambda: "aéb".encode("ascii", errors), lambda: b"a\xffb".decode("utf-8", errors)):
        try:
            print(f())
        except (TypeError, IndexError, UnicodeError) as e:
            print(errors, type(e).__name__, e)

def raiser(exc):
    raise KeyError("from handler")
codecs.register_error("raiser", raiser)
try:
    "é".encode("ascii", "raiser")
except KeyError as e:
    print("KeyError", e)
