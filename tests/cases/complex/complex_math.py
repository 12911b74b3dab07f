z = 2 + 3j
print(z ** 2, z ** 0.5, z ** -1, pow(z, 2), 1 / z, z / (1 - 1j), (1j) ** 1j, abs(-z), z == complex("2+3j"), z.real.is_integer())
print(complex(float("inf"), 0) * 2, (1e300 + 1e300j) * (1e300 + 1e300j), (0j) ** 0, divmod(4, 3))
print(sum([1j, 2, 3.5]), complex(True), complex("  -1-1j "), hash(complex(0, 0)) == hash(0), complex(2) == 2.0)
