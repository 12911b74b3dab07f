# decimal (_pydecimal) and fractions import through codecs-dependent modules.
import decimal, fractions
from decimal import Decimal, getcontext
from fractions import Fraction

print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("2").sqrt())
getcontext().prec = 10
print(Decimal(1) / Decimal(3), Decimal("1e5").quantize(Decimal("1.00")), repr(Decimal("-0.5")))
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3/4") * 2, Fraction(0.25), Fraction(22, 7).limit_denominator(5))
try:
    Decimal("x")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__mro__[1].__name__)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
