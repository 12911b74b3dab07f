# ImportError(name=, path=), AttributeError(name=, obj=), NameError(name=) take
# keyword arguments; __init__ resets them; other keywords are errors.
e = ImportError('x', name='n', path='p')
print(e.msg, e.name, e.path, e.args, e.__dict__)
e.__init__('y')
print(e.msg, e.name, e.path)
print(ImportError('a', 'b').msg, ImportError().msg)
e = ModuleNotFoundError('m', name='mod')
print(e.name, e.path, str(e))
e = AttributeError('x', name='n', obj=3)
print(e.name, e.obj, e.args)
e = NameError('y', name='q')
print(e.name, e.args)
for f in [lambda: ImportError('a', foo=1), lambda: AttributeError('a', foo=1), lambda: NameError('a', obj=1),
          lambda: ValueError(x=1), lambda: ModuleNotFoundError(path=1, bad=2)]:
    try:
        f()
    except TypeError as x:
        print('TypeError', x)
try:
    import no_such_module_here
except ImportError as x:
    print(type(x).__name__, x.name, x.__dict__)
try:
    from os import no_such_name_here
except ImportError as x:
    print(type(x).__name__, x.name, x.__dict__)
