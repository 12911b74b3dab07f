z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, z * z, z / 2, z - 1j, 1j ** 2, (1 + 2j) ** 2)
print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-1.5e1j"), complex(1j, 1j))
print(repr(1j), repr(-0j), repr(complex(0, -0.0)), repr(complex(1, float("inf"))), repr(complex(float("nan"), 1)), 2j == complex(0, 2))
print(hash(1 + 0j) == hash(1), complex(2, 0) == 2, 1j * 1j == -1, (1 + 1j) ** 0)
