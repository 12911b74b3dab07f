# `=` where `==` (or `:`, or `:=`) was meant, in displays, groups, calls and conditions.
def check(src, mode="exec"):
    try:
        compile(src, "<case>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for src in ["ages = {'Alice'=22, 'Bob'=23}", "{a=1}", "{a.b=1}", "[1=2]", "['a'=2]", "(1=2)", "f(1=2)",
            "{1: 2, 3=4}", "x = {1=2}", "{a=1, b}", "{f()=1}", "[x=1]", "if x = 1: pass",
            "if 'a' = 1: pass", "while x.y = 3: pass", "print(a, 'x'=3)", "{**a=1}", "[[1]=2]",
            "(True=1)", "if x[0] = 1: pass", "f(a.b=1)", "{x: y=1}"]:
    check(src)
