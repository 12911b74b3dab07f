# exec/eval globals whose __builtins__ is a dict subclass or not a mapping at all:
# names are read from it with __getitem__, as CPython does.
class setonlyerror(Exception): pass
class setonlydict(dict):
    def __getitem__(self, key):
        raise setonlyerror
code = compile("globalname", "test", "exec")
for g in [setonlydict({'globalname': 1}), {'__builtins__': setonlydict({'superglobal': 1})}]:
    try:
        exec(code, g); print('no error')
    except setonlyerror: print('setonlyerror')
    except NameError as e: print('NameError', e)
code = compile("superglobal", "test", "exec")
try: exec(code, {'__builtins__': setonlydict({'superglobal': 1})}); print('no error')
except setonlyerror: print('setonlyerror')
class D(dict):
    def __missing__(self, k): return 'missing ' + k
print(eval('x', {'__builtins__': D()}))
exec("print(len)", {'__builtins__': {'print': print, 'len': 'mylen'}})
for b in [123, None, [1]]:
    try: exec("print('Hello')", {'__builtins__': b})
    except Exception as e: print(type(e).__name__, e)
try: exec("class A: pass", {'__builtins__': {}})
except NameError as e: print('NameError', e)
try: exec("import os", {'__builtins__': {}})
except ImportError as e: print('ImportError', e)
def f(): return zzz
g = {'__builtins__': D()}
exec("def f(): return zzz", g)
print(g['f']())
print(g['f'].__builtins__.__class__.__name__)
