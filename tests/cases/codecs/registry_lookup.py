import codecs

# Names are normalized before the search functions see them.
seen = []
def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper().encode(), len(s)),
                                lambda b, e="strict": (bytes(b).decode().lower(), len(b)), name="my-codec")
    return None

codecs.register(search)
info = codecs.lookup("My Codec")
print(info.name, "my codec".encode("My-Codec"), b"ABC".decode("my_codec"))
print(codecs.lookup("MY--codec") is info)  # cached
for name in ["Foo Bar-Baz  x", " -x.y-", "A_b"]:
    try:
        codecs.lookup(name)
    except LookupError as e:
        print("LookupError", e)
print([n for n in seen if n != "my_codec"])

print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.lookup("U16").name, codecs.lookup("cp1252").name)
print(isinstance(codecs.lookup("utf-8"), tuple), len(codecs.lookup("ascii")))

codecs.unregister(search)
codecs.unregister(search)  # not registered: ignored
try:
    codecs.lookup("my_codec")
except LookupError as e:
    print("after unregister:", e)

def bad(name):
    return (1, 2) if name == "bad_codec" else None
codecs.register(bad)
for f in [lambda: codecs.lookup("bad_codec"), lambda: codecs.register(1), lambda: codecs.lookup(1),
          lambda: "x".encode("no-such-thing"), lambda: b"x".decode("no-such-thing"), lambda: codecs.lookup()]:
    try:
        f()
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
