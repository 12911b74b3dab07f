x = 1234.5678
print(format(x, ".2f"), format(x, "e"), format(x, ".3E"), format(x, "g"), format(x, ".2g"), format(x, "%"), format(x, ",.1f"), format(x, "_.2f"))
print(format(x, "015.3f"), format(x, "+.1f"), format(-x, " .1f"), format(x, "^20.2f"), format(x, "<12"), format(x, "#.0f"), format(0.00001234, "g"), format(1e20, "g"))
print(format(1.5, "n"), format(2.0, ""), format(1e16, ""), format(float("nan"), "f"), format(float("-inf"), "10.2f"), format(-0.0, ".1f"), format(1.0, "z.1f") if False else "-")
print("%.3f %e %g %10.4f %-10.2f| %+g %G" % (x, x, x, x, x, x, 1e-10))
for spec in ("d", "x", ".2s", "5c"):
    try:
        format(x, spec)
    except ValueError as e:
        print(type(e).__name__, e)
