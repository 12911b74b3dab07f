import time
st = time.gmtime(1700000000)
print(repr(st))
print(st.tm_zone, st.tm_gmtoff, st[0], st[-1], st[1:4], len(st), tuple(st) == st, hash(st) == hash(tuple(st)), isinstance(st, tuple))
print(type(st).__name__, type(st).__module__, time.struct_time.n_sequence_fields, time.struct_time.n_fields, time.struct_time.n_unnamed_fields)
print(time.struct_time.__match_args__)
s2 = time.struct_time(range(9))
print(s2, s2.tm_zone, s2.tm_gmtoff, time.struct_time(range(11)).tm_zone, time.struct_time(range(9), {"tm_zone": "ABC"}).tm_zone)
print(time.struct_time(iter(range(10))), st.__reduce__())
y, mon, *rest = st
print(y, mon, rest, max(st), sorted(time.gmtime(0))[:3], st > time.gmtime(0))
match st:
    case time.struct_time(tm_year=2023, tm_mon=m):
        print("matched", m)
for f in (lambda: time.struct_time((1, 2, 3)), lambda: time.struct_time(range(12)), lambda: time.struct_time(5), lambda: vars(st),
          lambda: setattr(st, "tm_year", 5), lambda: time.struct_time()):
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
