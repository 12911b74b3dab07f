# f-strings become JoinedStr/FormattedValue, with CPython 3.11's positions.
import ast

srcs = [
    'x = f"a{b!r:>{w}} c{d=}" "e"',
    'f"{x:}" f"{x!s}" f"{ x = }" f"{x=:>4}"',
    'f"""a\n{b}"""',
    'f"{x!r}" r"a" "b"',
    'x = (\n  f"ab"\n  f"{c}\\n{d}"\n)',
    'x = """\nab{c}""" f"""\n  {d}"""',
    'x = f"""\n  {d} {\n e}"""',
    '  y = 2; x = f"""abc\n {a} {b:{c}}"""'.strip(),
    "f''; f'{{}}'; f'{a}{b}'; f'{a!a}'; f'{3.14:.2f}'",
    "f'{3,}'; f'{ 3, 4 }'; f'{a, b=}'",
    "x = (f'{a:02d}'\n     f'{b:>3}' 'c')",
]
for s in srcs:
    print(ast.dump(ast.parse(s), include_attributes=True))
