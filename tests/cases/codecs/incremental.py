import codecs

d = codecs.getincrementaldecoder("utf-8")()
print([d.decode(b) for b in [b"a\xe2", b"\x82", b"\xac!"]], repr(d.decode(b"", final=True)))
d = codecs.getincrementaldecoder("utf-8")()
d.decode(b"\xe2")
try:
    d.decode(b"", final=True)
except UnicodeDecodeError as e:
    print(e)
print(list(codecs.iterdecode([b"\xc3", b"\xa9x", b""], "utf-8")), list(codecs.iterencode(["a", "é"], "utf-16")))
data = "h€llo 😀 wörld".encode("utf-16")
d = codecs.getincrementaldecoder("utf-16")()
print("".join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b"", True))
for enc in ["utf-32", "utf-8-sig", "utf-7", "cp1252", "latin-1", "unicode_escape", "utf-16-be"]:
    text = "h€llo +- wörld" if enc != "latin-1" else "hello wörld"
    if enc == "cp1252":
        text = "h€llo wörld"
    data = text.encode(enc)
    d = codecs.getincrementaldecoder(enc)()
    out = "".join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b"", True)
    e = codecs.getincrementalencoder(enc)()
    again = b"".join(e.encode(c) for c in text) + e.encode("", True)
    print(enc, out == text, again == data, data)
d = codecs.getincrementaldecoder("utf-16")()
try:
    print(d.decode(b"a\x00"), d.decode(b"b"), d.decode(b"", True))
except UnicodeError as e:
    print(e)
print("é".encode("utf-8-sig"), b"\xef\xbb\xbf\xc3\xa9".decode("utf-8-sig"), codecs.BOM_UTF8, codecs.getencoder("ascii")("x"), codecs.getdecoder("latin-1")(b"\xe9"))
