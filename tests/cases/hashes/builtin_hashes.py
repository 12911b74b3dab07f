# The builtin hash modules (_md5, _sha1, _sha256, _sha512): digests, copy,
# incremental updates, attributes and argument errors.
import _md5, _sha1, _sha256, _sha512

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512]
for c in ctors:
    h = c(b'abc')
    h2 = h.copy()
    h2.update(b'def')
    h2.update(bytearray(b'!'))
    h2.update(memoryview(b'?'))
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), h2.hexdigest(), len(h.digest()))
    print(c().hexdigest() == c(b'').hexdigest(), c(string=b'x').digest() == c(b'x').digest(),
          c(b'x', usedforsecurity=False).hexdigest() == c(b'x').hexdigest())
    big = c(b'a' * 100000)
    inc = c()
    for _ in range(1000):
        inc.update(b'a' * 100)
    print(big.hexdigest() == inc.hexdigest(), type(h).__name__, type(h).__module__)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: _sha512.sha512('x'))
t(lambda: _sha512.sha512(1))
t(lambda: _md5.md5(b'a', b'b'))
t(lambda: _sha1.sha1().update('s'))
t(lambda: _sha1.sha1().update())
t(lambda: _sha256.sha256(bogus=1))
t(lambda: type(_md5.md5())())
