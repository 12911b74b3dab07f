import sys
def handler():
    try:
        raise ValueError("x")
    except ValueError:
        return sys.exc_info()[0].__name__
print(handler(), sys.exc_info() == (None, None, None))
