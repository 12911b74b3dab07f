import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(300)
d1 = depth(0)
sys.setrecursionlimit(600)
d2 = depth(0)
print(d1 < 300, d2 < 600, d2 > d1, 250 < d1, 550 < d2)
