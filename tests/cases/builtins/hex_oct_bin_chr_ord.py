print(hex(0), hex(255), hex(-1), oct(0), oct(64), oct(-9), bin(0), bin(10), bin(-10), hex(2 ** 70))
print(chr(65), chr(0x20AC), chr(0), ord("A"), ord("€"), ord(b"a"), ord(bytearray(b"z")), chr(0x10FFFF) == "\U0010FFFF")
for f in (lambda: hex(1.0), lambda: chr(0x110000), lambda: chr("a"), lambda: ord("ab"), lambda: ord(1), lambda: bin("1"), lambda: chr(-1)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
