# unicodedata.normalize and is_normalized: the four forms, Hangul, compatibility
# characters, reordering of combining marks, characters outside Unicode 14.0, lone
# surrogates, the 3.2.0 database's corrections, errors.
import unicodedata as u

def show(s):
    return ' '.join('%04X' % ord(c) for c in s)

samples = ['', 'abc', 'e\u0301', '\u00e9', '\u1e9b\u0323', '\ufb01', '\u2460', '\uac00',
           '\u1100\u1161\u11a8', 'a\u0327\u0301', 'a\u0301\u0327', '\u212b', '\u2126',
           '\u0344', '\u0f73', '\u00c5\u0328', 'x\U0001d15e', '\U0001d160',
           'a\ud800\u0301', '\u0041\U0001e4ef\u0301', '\U0002f868', '\U0002f874', '\u3300',
           '\u2fd5', '\uff76\uff9e', 'q\u0307\u0323', '\u0958', 'A\u030a\u0301']
for s in samples:
    print(show(s))
    for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        print(' ', f, show(u.normalize(f, s)), u.is_normalized(f, s),
              show(u.ucd_3_2_0.normalize(f, s)), u.ucd_3_2_0.is_normalized(f, s))

s = 'abc'
print(u.normalize('NFC', s) is s)

class S(str):
    pass

r = u.normalize('NFD', S('\u00e9'))
print(type(r).__name__, show(r))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: u.normalize('nfc', 'a'))
t(lambda: u.normalize('NFX', 'a'))
t(lambda: u.is_normalized('NFX', 'a'))
t(lambda: u.normalize(b'NFC', 'a'))
t(lambda: u.normalize('NFC', b'a'))
t(lambda: u.is_normalized('NFC', 1))
t(lambda: u.normalize('NFC'))
t(lambda: u.normalize(form='NFC', unistr='a'))
t(lambda: u.ucd_3_2_0.normalize('NFC'))
t(lambda: 'caf\u00e9'.encode('idna'))
t(lambda: 'B\u00fccher.example'.encode('idna'))
t(lambda: b'xn--bcher-kva.example'.decode('idna'))
