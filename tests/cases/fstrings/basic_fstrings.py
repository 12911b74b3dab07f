name, n = "World", 42
print(f"Hello {name}!", f"{n + 1}", f"{n!r} {name!r} {name!s} {'é'!a}", f"{{braces}}", f"{n:>6}|{n:<6}|{n:^6}|", f"{3.14159:.2f}", f"{n:#x} {n:b} {n:,}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|", f"{'nested ' + name.upper()}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }", f"{n=}", f"{n = }", f"{name=!r:>10}")
print(f"{'a' if n else 'b'}", f"{(lambda x: x * 2)(3)}", f"{n:{'>'}{8}}", rf"\n{n}", f"line\tbreak", F"upper F", f"{n}" f"{n}" "plain")
