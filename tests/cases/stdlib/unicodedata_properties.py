# unicodedata: per-character properties of the Unicode 14.0.0 database, the
# defaults of name/decimal/digit/numeric and their errors.
import unicodedata as u

print(u.unidata_version, u.ucd_3_2_0.unidata_version)
for c in ['A', 'a', '1', '\u00bd', '\u0301', '\u05d0', '\u0663', '\u00b2', '\u2160', '\u4e00',
          '\u4e94', '\uac00', '\u3000', '\uff21', '\u00e9', '\u2028', '\ud800', '\ue000',
          '\U0001f600', '\U0001fae8', '\U000e0080', '\U0010ffff', '(', '\u0f3a', '\x00', ' ']:
    print(hex(ord(c)), u.category(c), repr(u.bidirectional(c)), u.combining(c),
          u.east_asian_width(c), u.mirrored(c), repr(u.decomposition(c)),
          u.decimal(c, None), u.digit(c, None), u.numeric(c, None), u.name(c, None))

# 3.2.0: characters added later are unassigned there
for c in ['\u0221', '\u0356', '\U0001f600', 'A', '\u4e00', '\u2f874'[0]]:
    o = u.ucd_3_2_0
    print(hex(ord(c)), o.category(c), repr(o.bidirectional(c)), o.combining(c),
          o.east_asian_width(c), o.mirrored(c), repr(o.decomposition(c)),
          o.numeric(c, None), o.name(c, None))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: u.name('\x00'))
t(lambda: u.name('\x00', 'dflt'))
t(lambda: u.decimal('a'))
t(lambda: u.decimal('a', -1))
t(lambda: u.digit('a'))
t(lambda: u.digit('\u00b2'))
t(lambda: u.decimal('\u00b2'))
t(lambda: u.numeric('a'))
t(lambda: u.numeric('\u4e07'))
t(lambda: u.category('ab'))
t(lambda: u.category(''))
t(lambda: u.category(65))
t(lambda: u.name(b'a'))
t(lambda: u.numeric(3.0))
t(lambda: u.category())
t(lambda: u.category('a', 'b'))
t(lambda: u.name())
t(lambda: u.name('a', 'b', 'c'))
t(lambda: u.ucd_3_2_0.category())
t(lambda: u.ucd_3_2_0.digit())
t(lambda: u.ucd_3_2_0.mirrored(1))
t(lambda: u.category(c='a'))
t(lambda: u.UCD())
t(lambda: u.UCD.category(1, 'a'))
print(u.UCD, type(u.ucd_3_2_0).__name__, type(u.ucd_3_2_0).__module__)
print(u.category, u.UCD.category)
