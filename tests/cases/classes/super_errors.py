class A:
    def f(self):
        return super().missing()
try:
    A().f()
except AttributeError as e:
    print(type(e).__name__, e)
def free():
    return super()
try:
    free()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
class B:
    @staticmethod
    def s():
        return super()
try:
    B.s()
except RuntimeError as e:
    print(type(e).__name__, e)
