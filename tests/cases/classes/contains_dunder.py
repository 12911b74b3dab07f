class Evens:
    def __contains__(self, x):
        print("checking", x)
        return x % 2 == 0
e = Evens()
print(4 in e, 3 in e, 3 not in e)
class Ret:
    def __contains__(self, x): return [1]
print(1 in Ret())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
