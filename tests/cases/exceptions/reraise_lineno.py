# An exception no handler matches is re-raised at the last except clause's line.
def lines_of(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    out = []
    while t:
        out.append(t.tb_frame.f_lineno - t.tb_frame.f_code.co_firstlineno)
        t = t.tb_next
    return out

def other_except():
    try:
        1/0
    except TypeError as ex:
        pass

def two_handlers():
    try:
        1/0
    except TypeError:
        pass
    except (KeyError,
            ValueError):
        x = 1
        pass

def in_except():
    try:
        1/0
    except:
        1/0
        pass

print(lines_of(other_except), lines_of(two_handlers), lines_of(in_except))
two_handlers()
