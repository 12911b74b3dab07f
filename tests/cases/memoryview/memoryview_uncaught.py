m = memoryview(b"immutable")
m[0] = 65
