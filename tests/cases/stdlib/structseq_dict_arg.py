# struct sequence constructors take a dict (or nothing) as second argument;
# an explicit None or a non-dict is a TypeError. time._STRUCT_TM_ITEMS is
# struct_time's field count.
import os
import time

print(time._STRUCT_TM_ITEMS, time.struct_time.n_fields)
t = time.struct_time(range(9), {"tm_zone": "UTC"})
print(t.tm_zone, t.tm_gmtoff, tuple(t))
for make in [lambda: time.struct_time("123456789", dict=None),
             lambda: time.struct_time("123456789", dict=1),
             lambda: time.struct_time("123", dict={}),
             lambda: os.stat_result(tuple(range(10)), dict=None),
             lambda: os.stat_result(tuple(range(10)), [])]:
    try:
        make()
    except TypeError as e:
        print("TypeError", e)
print(os.stat_result(tuple(range(10)), {}).st_mtime)
