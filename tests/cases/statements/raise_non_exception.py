for obj in (5, "str", object):
    try:
        raise obj
    except TypeError as e:
        print(type(e).__name__, e)
class NotExc: pass
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
