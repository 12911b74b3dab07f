print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("x\ny\r\nz\rw\n".splitlines(), "x\ny\n".splitlines(True), "a\x0bb\x1cc\u2028d".splitlines(), " a  b ".rsplit(None, 1))
print("-".join(["a", "b"]), "".join([]), ", ".join("xyz"), "a".join(("1", "2", "3")))
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."), "abc".rpartition("z"))
for f in (lambda: "a".split(""), lambda: ",".join([1, 2]), lambda: "a".partition(""), lambda: " ".join(5)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
