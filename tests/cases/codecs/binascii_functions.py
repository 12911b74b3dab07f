import binascii, base64, codecs
print(binascii.Error.__mro__, binascii.Incomplete.__mro__, binascii.Error.__module__)
for f in [lambda: binascii.unhexlify(b'abc'), lambda: binascii.unhexlify(b'zz'), lambda: binascii.unhexlify('é'), lambda: binascii.a2b_base64(b'abc'), lambda: binascii.a2b_base64(b'a'),
  lambda: binascii.a2b_base64(b'ab=c'), lambda: binascii.a2b_base64(b'ab!!cd', strict_mode=True), lambda: binascii.a2b_base64(b'=abc', strict_mode=True), lambda: binascii.a2b_base64(b'ab==cd', strict_mode=True),
  lambda: binascii.hexlify('x'), lambda: binascii.b2a_base64('x'), lambda: binascii.hexlify(b'abcdef', '-', 2), lambda: binascii.hexlify(b'abcde', b':', -2), lambda: binascii.hexlify(b'ab', 'ab'),
  lambda: binascii.a2b_base64(b'YWJj\nZGVm'), lambda: binascii.a2b_base64('YWJj'), lambda: binascii.b2a_base64(b'abcd', newline=False), lambda: binascii.crc32(b'hello'), lambda: binascii.crc32(b'hello', 123),
  lambda: binascii.crc_hqx(b'hello', 0), lambda: binascii.a2b_base64(b'ab=='), lambda: binascii.a2b_base64(b'a==='), lambda: binascii.a2b_base64(b'abcde'), lambda: binascii.a2b_base64(b'ab=c='),
  lambda: binascii.a2b_base64(b'abcd=', strict_mode=True), lambda: binascii.a2b_base64(b'ab=a', strict_mode=True), lambda: binascii.crc32(b'x', -1), lambda: binascii.a2b_base64(1),
  lambda: binascii.unhexlify(b'0aFf'), lambda: binascii.b2a_hex(b'\x00\xff'), lambda: binascii.crc32(b'')]:
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e)
for n in range(7):
    d = bytes(range(250, 250 - n, -1))
    print(base64.b64encode(d), base64.b64decode(base64.b64encode(d)) == d, base64.urlsafe_b64encode(d), base64.b16encode(d), base64.b32encode(d), base64.b85encode(d))
print(codecs.encode(b'abc', 'hex'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'), codecs.decode(b'YWJj\n', 'base64'))
try: codecs.decode(b'abc', 'hex')
except binascii.Error as e: print(type(e).__name__, e, repr(e.__cause__))
print(base64.b64decode(b'YW Jj', validate=False), base64.encodebytes(b'x' * 60))
try: base64.b64decode(b'YW Jj', validate=True)
except binascii.Error as e: print(e)
