# A trace function moves a running frame by assigning frame.f_lineno on a 'line'
# event (a debugger's "jump"): forwards, backwards, out of loops and handlers;
# and the ValueErrors for the jumps CPython refuses.
import sys


def jumper(code, at, to, event="line"):
    """Jumps once, from relative line `at` of `code` to relative line `to`."""
    state = {"done": False}

    def trace(frame, ev, arg):
        if state["done"] or frame.f_code is not code:
            return trace
        first = code.co_firstlineno
        if ev == event and frame.f_lineno == first + at:
            state["done"] = True
            try:
                frame.f_lineno = first + to if isinstance(to, int) else to
                print("  jumped to", frame.f_lineno - first)
            except ValueError as e:
                print("  ValueError:", e)
        return trace

    return trace


def run(func, at, to, event="line"):
    out = []
    sys.settrace(jumper(func.__code__, at, to, event))
    try:
        func(out)
    except Exception as e:
        out.append(type(e).__name__)
    finally:
        sys.settrace(None)
    print(func.__name__, out)


def forwards(out):
    out.append(1)
    out.append(2)
    out.append(3)


def backwards(out):
    out.append(1)
    out.append(2)


def out_of_for(out):
    for i in range(3):
        out.append(i)
        out.append("body")
    out.append("after")


def into_for(out):
    out.append(1)
    for i in range(2):
        out.append(3)


def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(4)
        out.append(5)
    out.append(sys.exc_info()[0])


def into_except(out):
    out.append(1)
    try:
        out.append(3)
    except Exception:
        out.append(5)


def into_with(out):
    out.append(1)
    with open(__file__) as f:
        out.append(3)


def nested_loops(out):
    for a in range(2):
        for b in range(2):
            out.append((a, b))
    out.append("end")


run(forwards, 1, 3)
run(backwards, 2, 1)
run(out_of_for, 3, 4)
run(into_for, 1, 3)
run(out_of_except, 4, 6)
run(into_except, 1, 5)
run(into_with, 1, 3)
run(nested_loops, 3, 4)
run(forwards, 1, -5)
run(forwards, 1, 99)
run(forwards, 1, "2")
run(forwards, 1, 2.0)
run(forwards, 1, 10**20)
run(forwards, 0, 2, event="call")

# Outside a trace function the line cannot be set.
f = sys._getframe()
try:
    f.f_lineno = 1
except ValueError as e:
    print("ValueError:", e)
