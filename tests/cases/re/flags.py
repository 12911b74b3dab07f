# Flags, inline flags and case-insensitive matching (ASCII, Unicode, LOCALE on bytes).
import re

print(re.findall(r'ab', 'AB ab Ab', re.I), re.findall(r'(?i)ab', 'AB ab'), re.findall(r'(?i:a)b', 'Ab AB'))
print(re.findall(r'[a-c]+', 'ABCabcXYZ', re.I), re.findall(r'[^a-c]+', 'ABCabcXYZ', re.I))
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)ß', 'ẞ'), re.match(r'(?i)ẞ', 'ß'))
print(re.findall(r'(?i)σ', 'Σσς'), re.findall(r'(?i)[σ]', 'Σσς'), re.findall(r'(?i)k', 'Kk\u212a'))
print(re.findall(r'(?i)[k-l]', 'Kk\u212aLl'), re.findall(r'(?ia)k', 'Kk\u212a'), re.findall(r'(?i)i', 'Iiİı'))
print(re.findall(r'(?i)[\u0400-\u04ff]+', 'ПРИВЕТ привет'), re.findall(r'(?i)é', 'ÉéE'))
print(re.findall(r'(?i)\u1f80', '\u1f80\u1f88'), re.findall(r'(?i)[\u1f80-\u1f81]', '\u1f88\u1f89\u1f8a'))
print(re.findall(r'^\w+$', 'ab\ncd', re.M), re.findall(r'^\w+$', 'ab\ncd'), re.findall(r'(?m)^', 'a\nb\n'))
print(re.findall(r'a.b', 'a\nb a-b', re.S), re.findall(r'(?s)a.b', 'a\nb'), re.findall(r'a.b', 'a\nb'))
print(re.match(r'''
    (\d+)   # digits
    \s* - \s*   # dash
    (\w+)   # word
''', '12 - ab', re.X).groups())
print(re.match(r'(?x) a b # c', 'ab'), re.match(r'(?x)[ ]a', ' a'), re.match(r'(?x)a\ b', 'a b'))
print(re.findall(r'\w+', 'naïve café 日本 x_1', re.A), re.findall(r'\w+', 'naïve café 日本 x_1'))
print(re.findall(r'\d', '1٣५', re.A), re.findall(r'\d', '1٣५'), re.findall(r'\s', ' \u00a0\u2003\t', re.A), len(re.findall(r'\s', ' \u00a0\u2003\t\x1c')))
print(re.findall(r'\bfoo\b', 'foo foobar (foo)'), re.findall(r'\Bo\B', 'foo boo'), re.findall(r'\bé', 'é aé', re.A))
print(re.findall(rb'(?i)ab', b'AB ab'), re.findall(rb'(?L)ab', b'AB ab', ), re.findall(rb'(?iL)[a-b]+', b'ABab'))
print(re.findall(rb'\w+', b'ab \xe9 12'), re.findall(rb'(?L)\w+', b'ab \xe9'), re.findall(rb'(?i)\xe9', b'\xc9\xe9'))
print(re.match(r'(?i)(a)\1', 'aA'), re.match(r'(?i)(é)\1', 'éÉ'), re.match(rb'(?iL)(a)\1', b'aA'), re.match(r'(?ia)(é)\1', 'éÉ'))
print(re.RegexFlag.IGNORECASE, repr(re.I | re.M), re.I.value, re.NOFLAG, repr(re.A | re.I))
for bad in (r'(?L)a', ):
    try:
        re.compile(bad)
    except Exception as e:
        print(type(e).__name__, e)
for f in (lambda: re.compile(r'a', re.A | re.U), lambda: re.compile(rb'a', re.U), lambda: re.compile(r'(?a)(?u)x')):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
