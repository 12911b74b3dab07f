import sys
sys.setrecursionlimit(1000)
def ping(n): return pong(n + 1)
def pong(n): return ping(n + 1)
try:
    ping(0)
except RecursionError as e:
    print("caught", type(e).__name__)
print("still works", ping.__name__)
