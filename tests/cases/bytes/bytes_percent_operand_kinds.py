# Which right operands of % count as a mapping: bytes and bytearray do not for
# bytes formatting; str and tuple do not for str formatting.
for a in (bytearray(b'1'), b'1', 7, [1], {'a': 1}, memoryview(b'x')):
    for fmt in (b'no format', 'no format'):
        try: print(fmt % a)
        except TypeError as e: print(type(e).__name__, e)
print(b'%(a)s' % {b'a': b'x'}, b'%s %s' % (b'a', bytearray(b'b')))
