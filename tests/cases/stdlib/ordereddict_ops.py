from collections import OrderedDict
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end('a'); print(o); o.move_to_end('c', last=False); print(list(o))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
try:
    o.move_to_end('nope')
except KeyError as ex:
    print('KeyError', ex)
