# Sequence/mapping kinds in __flags__: builtins, collections.abc, register(), subclasses.
import collections.abc as cabc, collections, array
SEQ, MAP = 1 << 5, 1 << 6
def kind(t):
    return ("seq" if t.__flags__ & SEQ else "") + ("map" if t.__flags__ & MAP else "")
for t in (list, tuple, range, memoryview, dict, str, bytes, collections.deque, array.array, cabc.Sequence, cabc.Mapping, cabc.MutableSequence, cabc.Set):
    print(t.__name__, kind(t))
class MyList(list): pass
class MySeq(cabc.Sequence):
    def __getitem__(self, i): raise IndexError
    def __len__(self): return 0
class Plain: pass
class PlainChild(Plain): pass
print(kind(MyList), kind(MySeq), kind(Plain))
cabc.Mapping.register(Plain)
print(kind(Plain), kind(PlainChild))
cabc.Sequence.register(Plain)
print(kind(Plain), kind(PlainChild))
cabc.Sequence.register(bytearray)
print(kind(bytearray))
import sys
match Plain():
    case {}:
        print("mapping")
    case []:
        print("sequence")
    case _:
        print("neither")
try:
    class Both(cabc.Collection):
        __abc_tpflags__ = (cabc.Sequence.__flags__ | cabc.Mapping.__flags__)
except TypeError as e:
    print(type(e).__name__, e)
