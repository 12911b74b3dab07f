# String literals holding lone surrogates: escapes next to the other escapes.
cases = [
    '\x41\ud800\101\N{DIGIT ONE}\t',
    """multi
line\ud800\
cont""",
    u'\ud800',
    '\\ud800',
    '\ufffd\ud800\ufffd',
    '\U0000dfff\U0001f600\udbff',
    'a' '\udc80' "b" '\q\udc81',
    '\0\ud800\777',
]
for c in cases:
    print(repr(c), len(c), [hex(ord(x)) for x in c])
print('\ud800' is '\ud800', {'\ud800': 1}.get('\ud800'), '\ud800' == '\ufffd')
def f():
    return '\udcff', '\ufffd'
print(f(), f()[0] == f()[1])
x = ('\ud800', '\ud800')
print(x[0] == x[1], hash(x) == hash(('\ud800', chr(0xd800))))
print(repr(eval(r"'\ud800'")), repr(eval("'\\udcff'")), repr(compile("s = '\\udc00'", 'm', 'exec').co_consts[0]))
