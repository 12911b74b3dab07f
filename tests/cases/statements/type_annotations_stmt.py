x: int = 5
y: "list[str]"
print(x, __annotations__)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
class C:
    a: int
    b: str = "s"
print(C.__annotations__, C.b)
def f(): 
    z: int = 3
    return z
print(f())
