# The script's own compile-time warnings are printed with its file name, line
# and source line before it runs.
x = 1
if x is 1:
    print("is with a literal")
t = (1, 2)
try:
    (1, 2)(3)
except TypeError as e:
    print("TypeError", e)
assert (x, "always true")
s = "\d"
print(s, [0x1for _ in "ab"], 1if x else 2)
