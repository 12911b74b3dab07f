import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.version.startswith("3.11"), sys.hexversion >> 16 == 0x30B, sys.byteorder, sys.platform)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxunicode)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.radix, sys.float_info.rounds)
print(sys.int_info.bits_per_digit in (15, 30), sys.int_info.default_max_str_digits, sys.get_int_max_str_digits())
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.algorithm, sys.hash_info.hash_bits)
# PEP 421: sys.implementation.version is the implementation's own version (not
# sys.version_info); only its shape and the hexversion that encodes it are common.
impl = sys.implementation
v = impl.version
levels = {"alpha": 0xA, "beta": 0xB, "candidate": 0xC, "final": 0xF}
hexv = v.major << 24 | v.minor << 16 | v.micro << 8 | levels[v.releaselevel] << 4 | v.serial
print(hasattr(impl, "name"), impl.name == impl.name.lower(), v[:2] == (v.major, v.minor), impl.hexversion == hexv, isinstance(impl.cache_tag, (str, type(None))))
