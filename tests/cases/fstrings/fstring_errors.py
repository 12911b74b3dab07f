for src in ('f"{}"', 'f"{x!z}"', 'f"{"', 'f"}"', 'f"{a b}"', "f'{1:{2:{3}}}'", 'f"{x:=5}"'):
    try:
        compile(src, "x", "eval")
        print("compiled", src)
    except SyntaxError as e:
        print(src, "|", e.msg)
x = 5
try:
    f"{x:d}{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{undefined_name}"
except NameError as e:
    print(type(e).__name__, e)
