# Lone surrogates through the str methods: each keeps them as CPython does.
s = ' \ud800a\udc80 '
print(ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()), ascii('\ud800xy\ud800'.strip('\ud800')), ascii('\ufffd\ud800x'.strip('\ufffd')))
print(ascii('\ud800\ufffdx\udc00'.lstrip('\ud800\ufffd')), ascii('ab\udc80'.rstrip('\udc80b')), ascii('\ud800'.strip('\udc00')))
print([ascii(x) for x in 'a \ud800  b\udc80\tc'.split()], [ascii(x) for x in 'a \ud800 b'.rsplit(None, 1)])
print([ascii(x) for x in 'x\ud800\ny\r\n\udc80'.splitlines()], [ascii(x) for x in 'x\ud800\ny'.splitlines(True)])
print(ascii('a\ud800b'.partition('\ud800')), ascii('a\ud800b\ud800c'.rpartition('\ud800')), ascii('a\ud800b'.partition('\ufffd')), ascii('\ud800b'.partition('b')))
print(ascii('\ud800ab'.removeprefix('\ud800')), ascii('\ud800ab'.removeprefix('\ufffd')), ascii('ab\udc80'.removesuffix('b\udc80')), ascii('ab\udc80'.removesuffix('x')))
print(ascii('a\ud800ß'.upper()), ascii('A\udc80Σ'.lower()), ascii('\ud800abc'.capitalize()), ascii('ab\ud800cd ef'.title()), ascii('aB\udfff'.swapcase()), ascii('\ud800ß'.casefold()))
print(ascii('\ufffd\ud800A\ufffd'.lower()), ascii('a\ud800\tb'.expandtabs(4)), ascii('-\ud800'.zfill(5)), ascii('\ud800'.zfill(3)))
print(ascii('\ud800'.center(5)), ascii('ab'.center(5, '\udc80')), ascii('\udc80'.ljust(3, '\ud800')), ascii('x'.rjust(3, '\ufffd')), ascii('\ud800b'.rjust(1)))
print('\ud800'.isprintable(), '\ufffd'.isprintable(), 'a\udc80'.isalpha(), '\ud800'.isspace(), '\ud800'.islower(), '\ud800'.isidentifier(), '\ud800'.isascii(), 'a\ud800'.isalnum())
t = str.maketrans({'\ud800': 'X', 'a': '\udc80', '\ufffd': None})
print(ascii('a\ud800b\ufffd'.translate(t)), ascii('ab'.translate({97: 0xd800})), ascii('\ud800\udc00'.translate(str.maketrans('\ud800', '\udfff', '\udc00'))))
print(ascii('\ud800x'.translate({})), ascii('\ud800'.__getnewargs__()))
for f in [lambda: 'a'.center(3, '\ud800\udc00'), lambda: 'a'.translate({97: 0x110000}), lambda: str.maketrans('\ud800', 'ab'), lambda: str.maketrans({'\ud800\udc00': 1}), lambda: 'a'.partition('')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
