# Locals read and written in runs (which the interpreter fuses in pairs): unbound
# reads raise from the right instruction and line.
import traceback

def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return a + b

def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b

def const_then_unbound(flag):
    if flag:
        x = 3
    return 10 - x

def store_then_unbound():
    a = 5
    del a
    b = 1
    return (b,
            a)

def multi_line(flag):
    a = 1
    if flag:
        c = 2
    return (a +
            c)

for f, arg in [(second_unbound, True), (second_unbound, False), (first_unbound, True),
               (first_unbound, False), (const_then_unbound, True), (const_then_unbound, False),
               (store_then_unbound, None), (multi_line, True), (multi_line, False)]:
    try:
        print(f.__name__, f() if arg is None else f(arg))
    except UnboundLocalError as e:
        tb = traceback.extract_tb(e.__traceback__)[-1]
        print(f.__name__, "UnboundLocalError:", e, tb.lineno, tb.line)

def swap_chain():
    a, b, c = 1, 2, 3
    a, b = b, a
    c, a = a, c
    return a, b, c
print(swap_chain())

def loop_jump_into_pair(n):
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total, i
print(loop_jump_into_pair(5))
