class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi")
print(s.shout(), type(s + "x").__name__, type(s.upper()).__name__, isinstance(s, str), s == "hi", repr(s), hash(s) == hash("hi"))
class T(str):
    def __new__(cls, v): return super().__new__(cls, v * 2)
    def __repr__(self): return "T<" + str.__repr__(self) + ">"
print(T("ab"), repr(T("ab")), len(T("ab")), f"{T('x')}")
