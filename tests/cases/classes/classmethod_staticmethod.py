class C:
    count = 0
    @classmethod
    def make(cls, *a):
        cls.count += 1
        return cls, a
    @staticmethod
    def util(x, y=2):
        return x * y
class D(C): pass
print(C.make(1)[0].__name__, D.make()[0].__name__, C.count, D.count)
print(C.util(3), C().util(3, 3), D.util(1))
print(type(C.__dict__["make"]).__name__, type(C.__dict__["util"]).__name__)
print(C.__dict__["util"].__func__(5), callable(C.__dict__["util"]))
print(C.make.__self__.__name__, C().make.__self__.__name__)
