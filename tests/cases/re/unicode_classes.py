# \w \d \s \b and case folding over many code points, summarised (one call per
# pattern over a string of all the characters, so the case stays cheap).
import re

TEXT = ''.join(map(chr, range(0x3100)))

def summary(pattern, flags=0, top=0x3100):
    rest = re.compile(pattern, flags).sub('', TEXT[:top])
    return top - len(rest), sum(rest.encode('utf-8')), ascii(rest[-3:])

for pat in [r'\w', r'\d', r'\s', r'\W', r'\D', r'\S', r'.', r'(?s).', r'[\w]', r'[^\W\d]', r'[\d\s]', r'[^\s\w]']:
    print(pat, summary(pat), summary(pat, re.A, 0x200))
print(summary(r'(?i)[a-z]'), summary(r'(?i)k'), summary(r'(?i)s'), summary(r'(?i)[^a-z]', 0, 0x300))
print(summary(r'(?i)\u03a3'), summary(r'(?i)[\u0390-\u03d0]', 0, 0x2000), summary(r'(?i)ǅ'), summary(r'(?i)[ǅ-ǆ]'))
print(summary(r'(?i)[\u0100-\u017f]', 0, 0x2000), summary(r'(?i)[^\u0100-\u017f]', 0, 0x2000), summary(r'(?i)\w', re.A, 0x2000))

def fold_chunks(flags, conv, n=32):
    out = []
    for i in range(0, 0x2000, n):
        a = TEXT[i:i + n]
        b = conv(a)
        out.append('-' if len(b) != n else '1' if re.fullmatch(r'(.{%d})\1' % n, a + b, flags | re.S) else '0')
    return ''.join(out)

print(fold_chunks(re.I, str.swapcase))
print(fold_chunks(re.I, str.upper))
print(fold_chunks(re.I | re.A, str.lower), fold_chunks(0, str.lower, 256))
print(len(re.findall(r'\b', TEXT[0x100:0x400])), len(re.findall(r'(?a)\b', TEXT[0x20:0x400])), len(re.findall(r'\B', TEXT[0x20:0x400])))
