# Which objects match mapping and sequence patterns (the types' collection kinds).
import types, collections, array
def m(v):
    match v:
        case {}: return 'map'
        case [*_]: return 'seq'
        case _: return 'none'
print(m(types.MappingProxyType({})), m(collections.deque()), m(array.array('b')), m(memoryview(b'')), m(range(0)), m(b''), m(bytearray()), m(''), m({}.keys()), m(collections.OrderedDict()), m(collections.UserDict()), m(collections.UserList()))
