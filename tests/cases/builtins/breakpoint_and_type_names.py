# breakpoint() calls sys.breakpointhook, which follows $PYTHONBREAKPOINT
# (here set by the test itself through os.environ); bool(NotImplemented) warns;
# class names must be UTF-8 without NUL.
import os, sys, warnings
def hook(*args, **kw): print('hook', args, kw); return 'r'
sys.breakpointhook = hook
print(breakpoint(1, x=2))
sys.breakpointhook = sys.__breakpointhook__
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'builtins.print'
breakpoint('via env')
os.environ['PYTHONBREAKPOINT'] = 'nosuchmodule_xyz.hook'
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(breakpoint(), [str(x.message) for x in w])
del sys.breakpointhook
try: breakpoint()
except RuntimeError as e: print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(bool(NotImplemented), [str(x.message) for x in w])
for name in ('A\x00B', 'A\udcdcB'):
    try: type(name, (), {})
    except (ValueError, UnicodeEncodeError) as e: print(type(e).__name__, e)
A = type('C', (), {})
for name in ('A\x00B', 'A\udcdcB', b'A'):
    try: A.__name__ = name
    except (ValueError, UnicodeEncodeError, TypeError) as e: print(type(e).__name__, e)
print(A.__name__)
try: type('A', (), {'__doc__': 'x\udcdcy'})
except UnicodeEncodeError as e: print('UnicodeEncodeError', e)
