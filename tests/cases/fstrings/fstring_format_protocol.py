class C:
    def __format__(self, spec): return f"<{spec}>"
    def __repr__(self): return "C-repr"
    def __str__(self): return "C-str"
c = C()
print(f"{c}", f"{c:xyz}", f"{c!r}", f"{c!s}", f"{c!r:>10}", format(c, "q"))
import math
print(f"{math.pi:.3}", f"{math.pi:10.4e}", f"{1e6:,.0f}", f"{0.5:%}", f"{-3:+d}", f"{255:08b}", f"{1234:_}", f"{'x':*^9}")
