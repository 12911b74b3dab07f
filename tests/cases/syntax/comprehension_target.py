# Unparenthesized tuple targets of comprehensions, and walrus/iteration-variable conflicts.
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src in ["[i := 0, j := 1 for i, j in [(1, 2), (3, 4)]]", "[a, b for a, b in x]", "{a, b for a, b in x}",
            "[a, b, c for a in x]", "(a, b for a in x)", "[*a, b for a in x]", "[a, *b for a in x]",
            "{a: b, c for a in x}", "[a, for a in x]", "[(a, b) for a, b in x]",
            "{a: b for a, b in x}",
            "[i for i in range(5) if (j := 0) for j in range(5)]",
            "[i for i in range(5) if (j := 0) for j, k in [(0, 1)]]",
            "{i for i in range(5) if (j := 0) for j in range(5)}",
            "[j := 0 for j in range(5)]", "[[(j := j) for i in range(5)] for j in range(5)]"]:
    check(src)
