class Base:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
class Sq(Base):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).area())
try:
    Base().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
Base().area()
