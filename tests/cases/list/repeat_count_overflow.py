# seq * n with n beyond a Py_ssize_t is an OverflowError even when n is
# negative; other negative counts give an empty sequence.
for s in ["a", b"a", [1], (1,), bytearray(b"a")]:
    for n in [2**100, -2**100, 2**63, -2**63, -2**63 + 1, -1, 0]:
        for f in (lambda: s * n, lambda: n * s):
            try:
                print(type(s).__name__, n, len(f()))
            except (OverflowError, MemoryError) as e:
                print(type(s).__name__, n, type(e).__name__, e)
