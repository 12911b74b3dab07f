z = 1.5 - 2.25j
print(format(z, ""), format(z, ".2f"), format(z, "e"), format(z, "^30"), format(z, "+.1f"), f"{z:g}", str(z), "%s" % z)
print(complex(1e20, 1e-20), complex(1, 0), complex(0, 1) * 1e16, divmod(5, 2) if True else None)
try:
    format(z, "%")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(z, "=10")
except ValueError as e:
    print(type(e).__name__, e)
