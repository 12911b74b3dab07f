import codecs

for name in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"]:
    print(name, codecs.lookup_error(name).__name__)

enc = UnicodeEncodeError("ascii", "aé€😀b", 1, 4, "ordinal not in range(128)")
dec = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "invalid start byte")
tr = UnicodeTranslateError("aé€b", 1, 3, "no mapping")
for name in ["ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
    h = codecs.lookup_error(name)
    for exc in (enc, dec, tr):
        try:
            print(name, type(exc).__name__, h(exc))
        except TypeError as e:
            print(name, type(exc).__name__, "TypeError", e)
for name in ["strict", "surrogateescape", "surrogatepass"]:
    try:
        codecs.lookup_error(name)(enc)
    except UnicodeEncodeError as e:
        print(name, "re-raised", e)
for bad in [1, ValueError("x")]:
    try:
        codecs.ignore_errors(bad) if isinstance(bad, int) else codecs.strict_errors(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Out-of-range start/end are clamped.
print(codecs.replace_errors(UnicodeEncodeError("ascii", "abc", -5, 99, "r")))

s = "aé€b"
for errors in ["ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
    print(errors, s.encode("ascii", errors), s.encode("latin-1", errors))
for errors in ["ignore", "replace", "backslashreplace"]:
    print(errors, b"a\xff\xc3b".decode("utf-8", errors), b"a\xffb".decode("ascii", errors))
print("abc".encode("ascii", "no-such-handler"))  # only looked up on an error
for f in [lambda: "é".encode("ascii", "no-such-handler"), lambda: b"\xff".decode("utf-8", "no-such-handler"),
          lambda: codecs.lookup_error("nope"), lambda: codecs.register_error("x", 1), lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"),
          lambda: "é".encode("ascii", "surrogateescape"), lambda: "é".encode("latin-1", "surrogatepass")]:
    try:
        f()
    except (TypeError, LookupError, UnicodeError) as e:
        print(type(e).__name__, e)
