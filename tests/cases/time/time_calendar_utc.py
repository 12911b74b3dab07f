# env: TZ=UTC
import time
print(time.timezone, time.altzone, time.daylight, time.tzname)
for t in (0, 1, -1, -1.5, 86399.9, 951782400, 1700000000, 2 ** 31, -10 ** 10, True):
    g = time.gmtime(t)
    print(tuple(g), g.tm_zone, time.localtime(t)[:6], time.ctime(t), time.asctime(g), time.mktime(time.localtime(t)))
tt = (2024, 2, 29, 13, 45, 30, 3, 60, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%", tt))
print(time.strftime("%c|%x|%X|%D|%e|%T|%R|%C|%G|%V|%u|%n|%t|%h", tt))
print(repr(time.strftime("", tt)), time.strftime("%Y %j", (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime("%Z %z", time.gmtime(0)), time.strftime("ü€ %Y", tt))
print(time.asctime((2000, 1, 1, 0, 0, 0, 7, 1, 0)), time.asctime((1999, 12, 31, 23, 59, 61, 4, 365, -5)), time.mktime((2023, 1, 40, 25, 70, 70, 0, 1, 0)))
print(time.get_clock_info("monotonic"), time.get_clock_info("time").adjustable, time.get_clock_info("process_time").implementation)
for f in (lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", 5), lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
          lambda: time.strftime("%Y", (2000, 1, 32, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 24, 0, 0, 0, 1, 0)),
          lambda: time.strftime("%Y", (2000, 1, 1, 0, 60, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 62, 0, 1, 0)),
          lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, -2, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 367, 0)),
          lambda: time.strftime("%Y", (2000.5, 1, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2 ** 31, 1, 1, 0, 0, 0, 0, 1, 0)),
          lambda: time.strftime("%Y", (-2 ** 31, 1, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime(5), lambda: time.strftime(), lambda: time.mktime("abc"),
          lambda: time.mktime((2 ** 40, 1, 1, 0, 0, 0, 0, 1, 0)), lambda: time.gmtime(1e20), lambda: time.gmtime(float("nan")), lambda: time.localtime("x"),
          lambda: time.gmtime(2 ** 63), lambda: time.localtime(1, 2), lambda: time.asctime(1, 2), lambda: time.asctime("x"), lambda: time.ctime(1, 2),
          lambda: time.get_clock_info("x"), lambda: time.get_clock_info(5), lambda: time.get_clock_info(), lambda: time.mktime(),
          lambda: time.time(1), lambda: time.sleep(float("nan")), lambda: time.sleep(), lambda: time.strftime("%Y", time.struct_time((2000, 1, 1, 0, 0, 0, 0, 1, 0, 5, 0)))):
    try:
        print(f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
