import builtins
def f():
    pass
KIND = type(__builtins__).__name__
SAME = __builtins__ is builtins.__dict__
FUNC_SAME = f.__builtins__ is __builtins__
