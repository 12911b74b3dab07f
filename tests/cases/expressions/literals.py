print(0x1F, 0o17, 0b101, 1_000_000, 0xdead_beef, 1e3, 1.5e-3, 1_0.0_1, .5, 5., 3j, 1e1j)
print("a" "b" 'c', """tri
ple""", r"raw\n", b"by" b"tes", rb"\x", "\x41\u0042\U00000043\N{DIGIT ONE}\101")
print({}, [], (), set(), {1}, (1,), {1: 2}, True, None)
print(0, -0, 00, 0.0, -0.0)
