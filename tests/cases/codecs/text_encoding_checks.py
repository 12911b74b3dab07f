import codecs

print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"), codecs.encode("abc", "rot-13"))
for f in [lambda: "abc".encode("rot13"), lambda: b"abc".decode("rot13"), lambda: codecs.encode(b"abc", "rot13"),
          lambda: codecs.encode(1, "utf-8"), lambda: codecs.decode("x", "utf-8"), lambda: codecs.encode("a", encoding=1),
          lambda: codecs.encode("a", "utf-8", 1)]:
    try:
        print(f())
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))

class Plain(Exception):
    pass

class WithInit(Exception):
    def __init__(self, msg):
        super().__init__(msg)

def make(kind):
    def enc(s, errors="strict"):
        if kind == "plain":
            raise Plain("bad input")
        if kind == "init":
            raise WithInit("bad input")
        if kind == "two":
            raise ValueError("a", "b")
        if kind == "attr":
            e = ValueError("x")
            e.extra = 1
            raise e
        if kind == "notuple":
            return b"x"
        if kind == "str":
            return ("text", len(s))
        if kind == "bytearray":
            return (bytearray(b"ba"), len(s))
        return (b"ok", len(s))
    return enc

def search(name):
    if name.startswith("test_"):
        kind = name[5:]
        return codecs.CodecInfo(make(kind), make(kind), name=name)
    if name == "bytes_only":
        return codecs.CodecInfo(make("ok"), make("ok"), name=name, _is_text_encoding=False)
    if name == "plain_tuple":
        return (make("ok"), make("str"), None, None)
    return None
codecs.register(search)

for kind in ["plain", "init", "two", "attr", "notuple", "str", "bytearray", "ok"]:
    for f in (lambda: "x".encode("test_" + kind), lambda: codecs.encode("x", "test_" + kind), lambda: b"x".decode("test_" + kind)):
        try:
            print(kind, f())
        except Exception as e:
            print(kind, type(e).__name__, e, "| cause:", repr(e.__cause__))
print("x".encode("plain_tuple"), b"x".decode("plain_tuple"), codecs.encode("x", "bytes_only"))
try:
    "x".encode("bytes_only")
except LookupError as e:
    print(e)
