import base64, binascii, codecs

for n in range(7):
    d = bytes(range(250, 250 - n, -1))
    print(base64.b64encode(d), base64.b64decode(base64.b64encode(d)) == d, base64.urlsafe_b64encode(d), base64.b16encode(d), base64.b32encode(d), base64.b85encode(d))
print(codecs.encode(b'abc', 'hex'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'), codecs.decode(b'YWJj\n', 'base64'))
print(codecs.encode(b'abc', 'hex_codec'), codecs.lookup('hex').name, codecs.getencoder('base64')(b'xy'))
for f in [lambda: codecs.decode(b'abc', 'hex'), lambda: codecs.decode(b'a', 'base64'), lambda: codecs.encode('abc', 'hex'),
          lambda: b'616263'.decode('hex'), lambda: 'abc'.encode('base64')]:
    try:
        print(f())
    except (binascii.Error, TypeError, LookupError) as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))
print(base64.b64decode(b'YW Jj', validate=False), base64.encodebytes(b'x' * 60))
try:
    base64.b64decode(b'YW Jj', validate=True)
except binascii.Error as e:
    print(e)
