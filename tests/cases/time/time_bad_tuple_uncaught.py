# env: TZ=UTC
import time
print(time.strftime("%Y-%m-%d", (2020, 5, 17, 0, 0, 0, 6, 138, 0)))
print(time.strftime("%Y-%m-%d", (2020, 13, 17, 0, 0, 0, 6, 138, 0)))
