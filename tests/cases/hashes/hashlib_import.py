# hashlib imports cleanly on the builtin hash modules and gives the same digests.
import hashlib
for n in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(n, b'data')
    print(n, h.name, h.hexdigest(16) if n.startswith('shake') else h.hexdigest(), h.digest_size, h.block_size)
print(hashlib.md5(b'x').hexdigest(), hashlib.sha256(usedforsecurity=False).hexdigest()[:10])
