# Line events around compiler-made code: handler cleanup, finally and with
# unwinding, a return through finally, break/continue through finally, and an
# always-true if. Each function's events are printed as (relative line, event).
import sys


def record(func, *args):
    events = []
    first = func.__code__.co_firstlineno

    def trace(frame, event, arg):
        if frame.f_code is func.__code__:
            events.append((frame.f_lineno - first, event))
        return trace

    sys.settrace(trace)
    try:
        func(*args)
    except Exception as e:
        events.append(type(e).__name__)
    finally:
        sys.settrace(None)
    print(func.__name__, events)


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def nested_try_if():
    x = "hello"
    try:
        3 / 0
    except ZeroDivisionError:
        if x == "raise":
            raise ValueError()
    f = 7


def named_handler():
    try:
        {}["k"]
    except KeyError as e:
        y = 4
    z = 5


def try_else_finally():
    try:
        2
    except:
        4
    else:
        6
        if record.__name__ == "Fred":
            8
    finally:
        10


def return_through_finally():
    try:
        return 2
    finally:
        4


def loop_through_finally():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            y = 7
        finally:
            z = 9
    return 10


def break_out_of_with():
    for i in (1, 2):
        with CM():
            break
    pass


def return_in_with():
    with CM():
        return


def constant_if():
    x = 1
    if 1:
        x = 2
    else:
        pass
    return x


def no_match_reraise():
    try:
        {}["k"]
    except IndexError:
        pass


for f in [nested_try_if, named_handler, try_else_finally, return_through_finally,
          loop_through_finally, break_out_of_with, return_in_with, constant_if,
          no_match_reraise]:
    record(f)
