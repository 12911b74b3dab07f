# _imp._override_frozen_modules_for_tests (test.support.import_helper.frozen_modules).
import _imp
print(_imp._override_frozen_modules_for_tests(1), _imp._override_frozen_modules_for_tests(-1), _imp._override_frozen_modules_for_tests(0))
try:
    _imp._override_frozen_modules_for_tests("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    _imp._override_frozen_modules_for_tests()
except TypeError as e:
    print(type(e).__name__)
from test.support import import_helper
with import_helper.frozen_modules():
    import bisect
print(bisect.__name__)
