# Compile-time warnings go through the warnings machinery: filters decide whether
# they are shown, ignored, or raised (then as SyntaxError at the warning's place).
import warnings

def compile_show(src, filename="w.py"):
    try:
        compile(src, filename, "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError |", e.msg, "|", e.filename, e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)

compile_show("x = 1\nif x is 1: pass")
compile_show("y = '\\d'")  # DeprecationWarning: ignored by default outside __main__
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile_show("x = 1\ny = '\\d'\nz = (1, 2)(3)\nassert (x, 'm')\nw = [1][1, 2]\nv = 0x1for x in y")
    for w in caught:
        print(w.category.__name__, w.filename, w.lineno, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    compile_show("x = 1\n\nif x is not 'a': pass")
    compile_show("y = '\\d'")
    compile_show("y = 1if x else 2")
    compile_show("{1}[0]")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    compile_show("x is 1")
def f():
    warnings.warn("from f", UserWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(2):
        warnings.warn("runtime warning")
    warnings.warn("again", DeprecationWarning)
    f()
    warnings.warn(RuntimeWarning("instance"))
    try:
        warnings.warn("bad", int)
    except TypeError as e:
        print("TypeError", e)
    for w in caught:
        print(w.category.__name__, w.filename.rsplit("/", 1)[-1], w.lineno, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("as error")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
print("done")
