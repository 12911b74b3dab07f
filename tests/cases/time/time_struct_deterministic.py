import time
st = time.gmtime(0)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_wday, st.tm_yday, tuple(st))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.gmtime(1700000000)[:6])
print(type(time.localtime()).__name__, len(time.gmtime()), time.asctime(time.gmtime(0)))
