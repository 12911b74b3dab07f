# os.stat_result / os.terminal_size / uname_result: struct sequence behaviour.
import os

st = os.stat_result(range(10))
print(st, st.st_atime, st.st_atime_ns, st[7], st[-1], st[:3], len(st))
st2 = os.stat_result(tuple(range(19)))
print(st2.st_atime, st2.st_mtime_ns, st2.st_rdev, st2 == tuple(range(10)), hash(st2) == hash(tuple(range(10))))
print(os.stat_result(range(10), {"st_atime": 1.5}).st_atime)
print(type(st).__mro__[1] is tuple, type(st).__module__, type(st).__name__, os.stat_result.n_fields)
print(st.__reduce__()[0] is os.stat_result, st.__reduce__()[1][0])
ts = os.terminal_size((100, 40))
print(ts, ts.columns, ts.lines, tuple(ts), os.terminal_size.__match_args__)
match ts:
    case os.terminal_size(c, l):
        print("matched", c, l)
for bad in [(1, 2, 3), range(5), 5]:
    try:
        os.terminal_size(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [range(9), range(20)]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    st.st_mode = 5
except AttributeError as e:
    print(type(e).__name__, e)
u = os.uname()
print(type(u).__module__, [type(x).__name__ for x in u], u[0] == u.sysname)
st.st_size = 1
