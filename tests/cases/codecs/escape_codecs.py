import codecs

s = "a\\'\"\t\n\r\x00\x7f\xe9\u20ac\U0001f600"
print(s.encode("unicode_escape"), s.encode("raw_unicode_escape"))
print(codecs.unicode_escape_encode(s), codecs.raw_unicode_escape_encode(s))
print(s.encode("unicode_escape").decode("unicode_escape") == s, s.encode("raw_unicode_escape").decode("raw_unicode_escape") == s)
for b in [b"\\x41\\u20ac\\U0001F600\\N{LATIN SMALL LETTER E WITH ACUTE}", b"\\101\\7\\777", b"\\\\ \\' \\\" \\a\\b\\f\\v\\n\\t\\r", b"\\q \\\n.", b"\xe9"]:
    print(b.decode("unicode_escape"))
for b in [b"\\x4", b"\\x4g", b"\\u00", b"\\U00110000", b"\\N", b"\\N{", b"\\N{}", b"\\N{NO SUCH NAME}", b"a\\"]:
    for final in (True, False):
        try:
            print(b, final, codecs.unicode_escape_decode(b, "strict", final))
        except UnicodeDecodeError as e:
            print(b, final, e)
    print(codecs.unicode_escape_decode(b, "replace"), codecs.unicode_escape_decode(b, "backslashreplace"))
for b in [b"\\\\u0041", b"\\u0041", b"\\\\\\u0041", b"\\x41", b"\\u00", b"\\U00110000", b"\\u004g", b"a\\", b"\\\\"]:
    for final in (True, False):
        try:
            print(b, final, codecs.raw_unicode_escape_decode(b, "strict", final))
        except UnicodeDecodeError as e:
            print(b, final, e)
print(codecs.unicode_escape_decode("\\u00e9 str input"), codecs.raw_unicode_escape_decode("\\u00e9"))

print(codecs.escape_encode(b"a\\'\"\t\n\r\x00\x7f\xe9"))
for b in [b"\\x41\\101\\777\\n", b"\\x4", b"\\x4g", b"a\\", b"\\q\\'\\\"\\a\\\n", "str \\x41"]:
    for e in ["strict", "ignore", "replace", "foo"]:
        try:
            print(b, e, codecs.escape_decode(b, e))
        except ValueError as ex:
            print(b, e, "ValueError", ex)
for f in [lambda: codecs.escape_encode("x"), lambda: codecs.escape_decode(1), lambda: codecs.unicode_escape_decode(1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
