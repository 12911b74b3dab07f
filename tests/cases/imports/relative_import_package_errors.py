# How a relative import finds its package (__package__, __spec__.parent, __name__) and the errors when it cannot.
def t(f):
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__, e)
t(lambda: __import__('x', None, None, [], 1))
t(lambda: __import__('x', 1, None, [], 1))
t(lambda: __import__('x', {}, None, [], 1))
t(lambda: __import__('x', {'__name__': 1}, None, [], 1))
t(lambda: __import__('x', {'__name__': 'a'}, None, [], 1))
t(lambda: __import__('x', {'__name__': 'a', '__path__': []}, None, [], 1))
t(lambda: __import__('x', {'__package__': 1}, None, [], 1))
t(lambda: __import__('x', {'__package__': ''}, None, [], 1))
t(lambda: __import__('x', {'__package__': None, '__name__': 'q'}, None, [], 1))
class S: parent = 7
t(lambda: __import__('x', {'__spec__': S()}, None, [], 1))
class S2: parent = 'json'
t(lambda: __import__('decoder', {'__spec__': S2()}, None, ['x'], 1).__name__)
t(lambda: __import__('decoder', {'__package__': 'json'}, None, ['x'], 1).__name__)
t(lambda: __import__('decoder', {'__package__': 'json'}, None, ['x'], 3).__name__)
t(lambda: exec("from . import x", {}))
t(lambda: exec("from .. import x", {'__name__': 'a.b'}))
