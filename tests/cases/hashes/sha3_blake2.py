# _sha3 and _blake2: digests (incl. keyed/salted/tree-parameter BLAKE2 and
# SHAKE output lengths), copies across block boundaries, attributes, errors.
import _sha3, _blake2

for ctor in [_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]:
    h = ctor(b'abc' * 50)
    h2 = h.copy()
    h2.update(b'x' * 300)
    print(h.name, h.hexdigest(), h2.hexdigest(), h.digest_size, h.block_size, h._rate_bits, h._capacity_bits, h._suffix, type(h).__name__)
for ctor in [_sha3.shake_128, _sha3.shake_256]:
    h = ctor(b'abc')
    print(h.name, h.hexdigest(20), h.digest(0), len(h.digest(1000)), h.digest_size, h.block_size, h._rate_bits, h._suffix)
print(_sha3.implementation, _sha3.keccakopt)
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE,
      _blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE,
      _blake2.blake2b.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE)
params = [dict(), dict(digest_size=20, key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1, inner_size=9, last_node=True),
          dict(key=b'K' * 32), dict(digest_size=1), dict(salt=b'12345678', person=b'abcdefgh'), dict(node_offset=2**40, leaf_size=2**32 - 1)]
for kw in params:
    for f in (_blake2.blake2b, _blake2.blake2s):
        for data in [b'', b'abc', b'q' * 64, b'r' * 128, b'z' * 1000]:
            h = f(data, **kw)
            inc = f(**kw)
            for i in range(0, len(data), 7):
                inc.update(data[i:i + 7])
            print(h.name, h.digest_size, h.block_size, h.hexdigest(), inc.hexdigest() == h.hexdigest(), h.copy().digest() == h.digest())

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for f in [lambda: _blake2.blake2b(digest_size=0), lambda: _blake2.blake2s(digest_size=33), lambda: _blake2.blake2b(salt=b'x' * 17),
          lambda: _blake2.blake2s(person=b'x' * 9), lambda: _blake2.blake2b(fanout=256), lambda: _blake2.blake2b(depth=0),
          lambda: _blake2.blake2b(leaf_size=2**32), lambda: _blake2.blake2s(node_offset=2**48), lambda: _blake2.blake2b(node_depth=-1),
          lambda: _blake2.blake2b(inner_size=65), lambda: _blake2.blake2s(key=b'k' * 33), lambda: _blake2.blake2b('s'),
          lambda: _blake2.blake2b(b'a', b'b'), lambda: _blake2.blake2b(data=b'a'), lambda: _blake2.blake2b().update(1),
          lambda: _sha3.shake_128().digest(-1), lambda: _sha3.shake_128().hexdigest(), lambda: _sha3.sha3_256(b'a', b'b'),
          lambda: _sha3.sha3_384(data=b'a'), lambda: _sha3.sha3_256().digest(3), lambda: _sha3.sha3_512('x'),
          lambda: _sha3.sha3_256(b'a', usedforsecurity=False).hexdigest()[:8], lambda: _blake2.blake2s(usedforsecurity=False).hexdigest()[:8]]:
    t(f)
