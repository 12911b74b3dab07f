# float.__getformat__ (the test suite's IEEE check) and the multiarch name
# sysconfig finds the installed build variables by.
import sys
import sysconfig

print(float.__getformat__("double"), float.__getformat__("float"))
for bad in ("x", 1, None):
    try:
        float.__getformat__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.implementation._multiarch)
print(sysconfig.get_config_var("VERSION"), sysconfig.get_config_var("Py_DEBUG"))
