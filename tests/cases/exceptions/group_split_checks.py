# ExceptionGroup.split/subgroup: the matcher must be an exception type, a tuple
# of them or a callable; deep nesting is a RecursionError; derived groups get a
# copy of the notes (only of a sequence); ExceptionGroup[T] is a generic alias.
import sys
import types

eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
for arg in ['bad arg', OSError('instance not type'), [OSError, TypeError], (OSError, 42)]:
    for meth in (eg.subgroup, eg.split):
        try:
            meth(arg)
            print('no error')
        except TypeError as e:
            print('TypeError', e)
print(eg.subgroup(lambda e: isinstance(e, ValueError)).exceptions)
print(eg.split((ValueError,)))

e = TypeError(1)
for i in range(sys.getrecursionlimit() + 100):
    e = ExceptionGroup('eg', [e])
for meth in ('split', 'subgroup'):
    try:
        getattr(e, meth)(TypeError)
        print('no error')
    except RecursionError:
        print(meth, 'RecursionError')

eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
eg.add_note('note1')
eg.add_note('note2')
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__)
eg.__notes__ = 123
match, rest = eg.split(TypeError)
print(hasattr(match, '__notes__'), hasattr(rest, '__notes__'))
eg.__notes__ = ('a', 'b')
print(eg.split(TypeError)[0].__notes__)

a = ExceptionGroup[ValueError]
print(a, isinstance(a, types.GenericAlias), BaseExceptionGroup[int])
try:
    ExceptionGroup('x', [ValueError()]).message = 'y'
except AttributeError as x:
    print('AttributeError', x)
