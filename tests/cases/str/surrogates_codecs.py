# Lone surrogates with the codecs: surrogateescape, surrogatepass, utf-16/32, errors.
import codecs, os
b = b'abc\xff\xfe\x80'
s = b.decode('utf-8', 'surrogateescape')
print(repr(s), len(s), s.encode('utf-8', 'surrogateescape') == b)
print(repr(b.decode('ascii', 'surrogateescape')), repr(b.decode('latin-1', 'surrogateescape')))
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    e = '\ud800x\udfff'.encode(enc, 'surrogatepass')
    print(enc, e, repr(e.decode(enc, 'surrogatepass')))
    try:
        '\ud800'.encode(enc)
    except UnicodeEncodeError as exc:
        print(' ', exc, exc.start, exc.end, repr(exc.object))
    for bad in [b'\xed\xa0\x80', b'\x00\xd8', b'\x00\xdc\x00\x00']:
        try:
            print(' ', repr(bad.decode(enc, 'surrogatepass')))
        except UnicodeDecodeError as exc:
            print(' ', exc)
for h in ['replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(h, 'a\ud800b\udcffc'.encode('utf-8', h), 'a\ud800b'.encode('ascii', h), 'a\ud800b'.encode('latin-1', h))
try:
    '\ud800'.encode('utf-8', 'surrogateescape')
except UnicodeEncodeError as exc:
    print(exc)
try:
    'a\udc41'.encode('utf-8', 'surrogateescape')
except UnicodeEncodeError as exc:
    print(exc)
try:
    b'a\x41\xff'.decode('ascii', 'surrogatepass')
except UnicodeDecodeError as exc:
    print(exc)
print(repr(os.fsdecode(b'\xff\xfeabc')), os.fsencode('\udcff\udcfeabc'), os.fsencode(os.fsdecode(b'x\x80y')))
print(repr(codecs.utf_8_decode(b'a\xff', 'surrogateescape')), repr(codecs.utf_16_le_decode(b'\x00\xd8', 'surrogatepass')))
print(repr(codecs.utf_8_encode('\udcff', 'surrogateescape')), repr(codecs.utf_16_be_encode('\ud800', 'surrogatepass')))
print(codecs.lookup_error('surrogateescape')(UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'x')))
print(codecs.lookup_error('surrogateescape')(UnicodeEncodeError('utf-8', 'a\udcff\udc80', 1, 3, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-16-le', b'\x00\xd8', 0, 2, 'x')))
try:
    codecs.lookup_error('surrogateescape')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x'))
except UnicodeEncodeError as exc:
    print(exc)
print(repr(b'\\ud800\\U0000dc80'.decode('unicode_escape')), repr(b'\\ud800'.decode('raw_unicode_escape')))
print(repr(b'\xed\xa0\x80'.decode('utf-8', 'surrogateescape')), repr(b'\xed\xa0\x80'.decode('utf-8', 'replace')))
print(repr(b'a\xffb'.decode('cp1252', 'surrogateescape')) if False else '', repr(b'\x81'.decode('cp1252', 'surrogateescape')))
print(repr(str(b'\xff', 'utf-8', 'surrogateescape')), repr('\ud800\udc00'.encode('utf-16', 'surrogatepass').decode('utf-16')))
def handler(exc):
    return ('\udc00' * (exc.end - exc.start), exc.end)
codecs.register_error('test.surr', handler)
print(repr(b'x\xff\xfey'.decode('utf-8', 'test.surr')))
