# str identity shortcuts (s*1, 1*s, ''.join([s])), ascii() keeping an ASCII
# repr object, %c of an __index__ object.
class S(str): pass
class WithRepr:
    def __init__(self, r): self.r = r
    def __repr__(self): return self.r
a = '123abc1@'
print(a * 1 is a, 1 * a is a, a * 2 is a, ''.join([a]) is a, ''.join([S('x')]) is not S('x'), type(''.join([S('x')])))
r = ascii(WithRepr(S('<abc>'))); print(type(r).__name__, r)
r = ascii(WithRepr(S('<\xe9>'))); print(type(r).__name__, r)
class PseudoInt:
    def __index__(self): return 109
print('%c' % PseudoInt(), '%c' % 'z')
for bad in (1.5, 'ab'):
    try: '%c' % bad
    except TypeError as e: print(e)
try: '%c' % 0x110000
except OverflowError as e: print(e)
