# Traceback objects' tb_next can be cut or relinked (unittest trims its own
# frames this way); deleting it, a non-traceback, or a loop are errors.
import sys


def inner():
    raise KeyError("k")


def outer():
    inner()


try:
    outer()
except KeyError as e:
    tb = e.__traceback__

names = []
t = tb
while t is not None:
    names.append(t.tb_frame.f_code.co_name)
    t = t.tb_next
print(names)

second = tb.tb_next
tb.tb_next = second.tb_next
print(tb.tb_next.tb_frame.f_code.co_name)
tb.tb_next = None
print(tb.tb_next)

for bad in (5, "x"):
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del tb.tb_next
except TypeError as e:
    print("TypeError", e)
try:
    second.tb_next = tb
    tb.tb_next = second
except ValueError as e:
    print("ValueError", e)
try:
    tb.tb_next = tb
except ValueError as e:
    print("ValueError", e)


class A:
    def f(self):
        pass

    def g(self):
        "doc of g"


print(A().f.__doc__, A().g.__doc__, A.g.__doc__)
