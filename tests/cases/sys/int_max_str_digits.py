import sys
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
