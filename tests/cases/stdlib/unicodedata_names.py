# unicodedata.lookup and name: aliases, named sequences, the derived Hangul and CJK
# names (exact case only), the 3.2.0 database (no aliases or sequences), errors.
import unicodedata as u

def t(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

for n in ['LATIN SMALL LETTER A', 'latin small letter a', 'SNOWMAN', 'BLACK STAR',
          'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK', 'NULL', 'LINE FEED',
          'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'latin capital letter a with macron and grave',
          'HANGUL SYLLABLE GA', 'hangul syllable ga', 'HANGUL SYLLABLE GAX',
          'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00',
          'CJK UNIFIED IDEOGRAPH-2B738', 'CJK UNIFIED IDEOGRAPH-2B739', 'CJK UNIFIED IDEOGRAPH-FFFF',
          'CJK COMPATIBILITY IDEOGRAPH-F900', 'TANGUT IDEOGRAPH-17000', 'NUSHU CHARACTER-1B170',
          'MELTING FACE', 'FACE WITH BAGS UNDER EYES', 'nonsense', '', 'x' * 300, '\xe9']:
    t(lambda: u.lookup(n))
    t(lambda: u.ucd_3_2_0.lookup(n))

t(lambda: u.lookup(b'SNOWMAN'))
t(lambda: u.lookup(bytearray(b'SNOWMAN')))
t(lambda: u.lookup(5))
t(lambda: u.lookup())

for c in ['a', '\u2603', '\uac00', '\ud7a3', '\u4e00', '\U0002b738', '\U0002b739', '\uf900',
          '\U00017000', '\U0001b170', '\U00018b00', '\U0001fae0', '\U0001faf9', '\x7f',
          '\ue000', '\ud800', '\U000e0001', '\u0221']:
    t(lambda: u.name(c))
    t(lambda: u.ucd_3_2_0.name(c))

print(u.name('\u0221', None), u.ucd_3_2_0.name('\u0221', 'none in 3.2'))

# aliases: those of Unicode 14.0 only (the crate's data is newer)
for n in ['EM', 'END OF MEDIUM', 'SUNDANESE LETTER ARCHAIC I', 'BYTE ORDER MARK', 'ZWNBSP',
          'WEIERSTRASS ELLIPTIC FUNCTION', 'LATIN SMALL LETTER GHA', 'VS1', 'BOM']:
    t(lambda: u.lookup(n))
