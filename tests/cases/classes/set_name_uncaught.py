class BadSN:
    def __set_name__(self, owner, name):
        raise ValueError("cannot name " + name)
class Holder:
    first = 1
    bad = BadSN()
