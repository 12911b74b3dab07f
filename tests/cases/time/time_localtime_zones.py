# env: TZ=America/New_York
import time
print(time.timezone, time.altzone, time.daylight, time.tzname)
for t in (0, 1700000000, 1690000000, 1678604400, 1699160400):
    lt = time.localtime(t)
    print(lt, lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.ctime(t), time.strftime("%c %Z %z", lt))
print(time.mktime((2023, 3, 12, 2, 30, 0, 0, 1, -1)), time.mktime((2023, 7, 1, 0, 0, 0, 0, 1, 1)), time.mktime((2023, 11, 5, 1, 30, 0, 0, 1, 0)))
print(time.strftime("%Z %z", (2023, 7, 1, 0, 0, 0, 0, 1, 1)), time.strftime("%Z", (2023, 1, 1, 0, 0, 0, 0, 1, 5)))
