def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
import sys
def check_warn(src):
    try:
        compile(src, "w", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset)
check_warn("x = 'a' if 1 else 'b'")
check_warn("assert (1, 'msg')")
check_warn("x = 1 is 1")
check_warn(r"x = '\d'")
print("done")
