x = 2.5
print(x.real, x.imag, x.conjugate(), float.__name__, (7.0).__trunc__(), int(-2.7), int(2.7))
print((2.5).__round__(), (3.5).__round__(), (-0.5).__floor__() if hasattr(0.5, "__floor__") else None, 1e16 + 1 == 1e16)
import sys
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
