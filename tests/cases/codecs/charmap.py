import codecs

s = "café £ ü é"
for enc in ["cp1252", "cp437", "mac_roman", "iso8859_15", "cp850", "koi8_r"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, e)
print("€".encode("cp1252"), b"\x80\x9f".decode("cp1252"), bytes(range(128, 136)).decode("mac_roman"))
print(bytearray(b"\xe9").decode("cp1252"), str(b"\xe9", "cp1252"), bytes("é", "cp1252"))
for f in [lambda: "Ω".encode("cp1252"), lambda: "aΩ€Ωb".encode("latin-1"), lambda: b"\x81\x8d".decode("cp1252"),
          lambda: "\u20ac".encode("cp437")]:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, e.start, e.end)
print("aΩb".encode("cp1252", "replace"), "aΩb".encode("cp1252", "ignore"), "aΩb".encode("cp1252", "backslashreplace"))
print(b"a\x81b".decode("cp1252", "replace"), b"a\x81b".decode("cp1252", "ignore"), b"a\x81b".decode("cp1252", "backslashreplace"))

# The functions themselves.
table = "".join(chr(i) for i in range(128)) + "\ufffe" * 128
m = codecs.charmap_build(table)
print(type(m).__name__, m.size(), codecs.charmap_build(__import__("encodings.cp1252").cp1252.decoding_table).size())
print(codecs.charmap_build("abc"), codecs.charmap_build("\u0100" + "a" * 255)[97])
print(codecs.charmap_encode("abc", "strict", m), codecs.charmap_encode("ab", None, None), codecs.charmap_encode("aé", "replace", m))
print(codecs.charmap_decode(b"\x00a\x80", "replace", table), codecs.charmap_decode(b"abc"), codecs.charmap_decode(b"\x00\x02", "strict", "xyz"))
print(codecs.charmap_decode(b"\x01\x02\x03\x04", "replace", {1: "one", 2: 0x263a, 3: None}))
print(codecs.charmap_encode("abc", "replace", {97: 65, 98: b"BB", 99: None, 63: b"?"}))
for f in [lambda: codecs.charmap_decode(b"\x01", "strict", {1: 0x110000}), lambda: codecs.charmap_decode(b"\x01", "strict", {1: 1.5}),
          lambda: codecs.charmap_encode("a", "strict", {97: 256}), lambda: codecs.charmap_encode("a", "strict", {97: "x"}),
          lambda: codecs.charmap_decode(b"a", "strict", 1), lambda: codecs.charmap_build(1), lambda: codecs.charmap_encode("é", "strict", m)]:
    try:
        f()
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
