from relpkg.sub import mod
print(mod.describe())
from relpkg import helper
print(helper.VALUE, helper.__name__)
try:
    import relpkg.toohigh
except ImportError as e:
    print(type(e).__name__, e)
