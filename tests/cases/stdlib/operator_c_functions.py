# _operator's functions (operator imports them over its Python ones): results and
# CPython's argument and type errors.
import _operator
import operator

print(operator.add is _operator.add, operator.lt is _operator.lt, operator.__doc__ == _operator.__doc__)
calls = [
    lambda: _operator.add(1, 2), lambda: _operator.sub(5, 7), lambda: _operator.matmul(1, 2),
    lambda: _operator.ipow(2, 5), lambda: _operator.iadd([1], (2,)), lambda: _operator.lt(1, 2),
    lambda: _operator.ge("b", "a"), lambda: _operator.lt(1, "a"), lambda: _operator.not_([]),
    lambda: _operator.truth("x"), lambda: _operator.is_(None, None), lambda: _operator.is_not(1, None),
    lambda: _operator.index(7), lambda: _operator.index(1.5), lambda: _operator.abs(-3),
    lambda: _operator.abs("x"), lambda: _operator.inv(5), lambda: _operator.inv("x"),
    lambda: _operator.neg("x"), lambda: _operator.pos("x"), lambda: _operator.concat([1], [2]),
    lambda: _operator.concat([], ()), lambda: _operator.concat(1, 2), lambda: _operator.iconcat([1], (2,)),
    lambda: _operator.iconcat({}, 1), lambda: _operator.contains([1], 1), lambda: _operator.countOf([1, 2, 1, 1.0], 1),
    lambda: _operator.countOf(1, 2), lambda: _operator.indexOf((3, 4), 4), lambda: _operator.indexOf([1], 2),
    lambda: _operator.getitem("abc", 1), lambda: _operator.setitem([0], 0, 9), lambda: _operator.delitem({1: 2}, 1),
    lambda: _operator.length_hint(iter([1, 2, 3])), lambda: _operator.length_hint(1, -1), lambda: _operator.length_hint([], "x"),
    lambda: _operator.length_hint(), lambda: _operator.length_hint([], 1, 2), lambda: _operator.call(max, 1, 2, key=lambda v: -v),
    lambda: _operator.call(), lambda: _operator.add(1), lambda: _operator.add(1, b=2), lambda: _operator.not_(),
    lambda: _operator.not_(a=1), lambda: _operator.setitem(1, 2), lambda: _operator.truth(1, 2),
]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class C:
    def __iadd__(self, other):
        return "iadd"

    def __getitem__(self, i):
        return 5


print(_operator.iconcat(C(), C()))
_operator.floordiv(1, 0)
