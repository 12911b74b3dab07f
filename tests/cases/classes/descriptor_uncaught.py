class Positive:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, t=None): return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)
class Account:
    balance = Positive()
a = Account()
a.balance = 10
print(a.balance)
a.balance = -5
