class NoArgs:
    pass
class TooFew:
    __match_args__ = ("a",)
    a = 1
for subj, label in ((NoArgs(), "noargs"), (TooFew(), "toofew")):
    try:
        match subj:
            case NoArgs(1): print("no")
            case TooFew(1, 2): print("no")
    except TypeError as e:
        print(label, type(e).__name__, e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print(type(e).__name__, e)
class Dup:
    __match_args__ = ("a",)
    a = 1
try:
    match Dup():
        case Dup(1, a=1): pass
except TypeError as e:
    print(type(e).__name__, e)
