import codecs

for s in ["hello", "a+b", "a-b", "€", "a€b", "a€-b", "😀", "~\\", "x\x00y", "Hi Mom -☺-!", "日本語", "A≢Α."]:
    b = s.encode("utf-7")
    print(repr(s), b, b.decode("utf-7") == s)
for b in [b"+AKM-", b"+AKM", b"+AKMA", b"a+", b"+-", b"+!", b"\xe9", b"+AKMx", b"+2D3eAA-", b"+AKM\xe9"]:
    for final in (True, False):
        try:
            print(b, final, codecs.utf_7_decode(b, "strict", final))
        except UnicodeDecodeError as e:
            print(b, final, e)
    print(codecs.utf_7_decode(b, "replace", True))
print(codecs.utf_7_encode("a€"), codecs.utf_7_decode(b"a+IKw-"))
