# Generators under a trace function: 'call' at each resume, 'return' at each
# yield, the StopIteration a `for` loop sees from a generator returning a value;
# frame.clear() of a suspended generator's frame closes it; a classmethod
# wrapping a property (CPython 3.11 binds through the wrapped object's __get__).
import sys

def t(frame, event, arg):
    a = arg[0].__name__ if event == 'exception' else ''
    print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, a)
    return t

def test_gen():
    yield 0
    lno = 4
    return 123

def main():
    it = test_gen()
    next(it)
    next(it)

def main2():
    for i in test_gen():
        lno = 10
    lno = 11

def gen_none():
    yield 1

def main3():
    for i in gen_none():
        pass

sys.settrace(t)
try:
    main()
except StopIteration as e:
    print('StopIteration', e.value)
main2()
main3()
sys.settrace(None)

ended = []
def g():
    try:
        yield sys._getframe()
    finally:
        ended.append(True)
gen = g()
f = next(gen)
print(ended)
f.clear()
print(ended, gen.gi_frame)

class C:
    @classmethod
    @property
    def cp(cls):
        return 'class property of ' + cls.__name__
print(C.cp)
