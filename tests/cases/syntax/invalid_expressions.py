def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["x = (yield) = 1", "x = 1 if 2", "x = a if b else", "[x for x in]", "{**a for a in b}", "{*a: 1}", "x = *a", "print(*)", "x := 1", "(x.y := 1)", "(a[0] := 1)", "[i := 0 for i in x]", "[x for x in (y := [1])]" , "a = 1; del (a, b) = 1", "x = not", "x = 1 not in", "x = a <", "f(**)", "x = @", "x = 1 ++ 2", "x = ...", "x = [1, 2,,]", "x = {1: 2, 3}", "x = {1, 2: 3}"]:
    check(s)
