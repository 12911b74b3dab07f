# Sizes from user input: MemoryError or OverflowError exactly as CPython, never a crash.
cases = [
    "[0] * 2**62", "[0, 1] * 2**62", "[] * 2**62", "[0] * 2**63", "[0] * -5",
    "'a' * 2**62", "'ab' * 2**62", "'ab' * 2**63", "'' * 2**62", "'\u20ac' * 2**61",
    "b'a' * 2**62", "b'ab' * 2**62", "bytearray(b'ab') * 2**62",
    "(1,) * 2**62", "(1, 2) * 2**62", "() * 2**62",
    "bytearray(2**62)", "bytes(2**62)", "bytearray(2**63)", "bytes(2**70)", "bytes(-1)",
    "list(range(2**62))", "list(range(2**63))", "tuple(range(2**62))",
    "'a'.ljust(2**62)", "'a'.rjust(2**62)", "'a'.center(2**62, '*')", "'a'.zfill(2**62)", "'a'.ljust(2**63)",
    "b'a'.ljust(2**62)", "b'a'.zfill(2**62)",
    "format(1, '%d' % 2**62)", "format('a', '%d' % 2**62)", "format(1.5, '%d' % 2**62)",
    "format(1, '%d' % 2**64)", "format(1, '.%df' % 2**62)",
    "'%*d' % (2**62, 1)", "b'%*d' % (2**62, 1)", "'%.*f' % (2**31, 1.0)",
    "'a\\tb'.expandtabs(2**62)", "b'a\\tb'.expandtabs(2**31)",
    "[1][2**100]", "(1,)[2**100]", "'a'[-2**100]", "b'a'[2**100]", "bytearray(1)[2**100]",
    "chr(2**31)", "chr(-2**31 - 1)", "chr(2**31 - 1)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", type(r).__name__, len(r))
    except (MemoryError, OverflowError, ValueError, IndexError) as e:
        print(c, "->", type(e).__name__, e)
def stmt(code):
    try:
        exec(code, {})
        print(code, "ok")
    except (MemoryError, OverflowError, IndexError) as e:
        print(code, "->", type(e).__name__, e)
stmt("x = [0]; x *= 2**62")
stmt("x = bytearray(b'a'); x *= 2**62")
stmt("x = 'a'; x *= 2**62")
stmt("x = [1]; x[2**100] = 0")
stmt("x = [1]; del x[2**100]")
stmt("x = bytearray(1); x[2**100] = 0")
class Hint:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 2**62
class BadHint:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return -1
class NotImpl:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return NotImplemented
for cls in (Hint, BadHint, NotImpl):
    try:
        print(cls.__name__, list(cls()))
    except (MemoryError, ValueError) as e:
        print(cls.__name__, type(e).__name__, e)
print("still alive", len([0] * 1000), len("ab" * 1000))
