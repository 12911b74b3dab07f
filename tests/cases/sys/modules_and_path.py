import sys
print(type(sys.modules).__name__, sys.modules["sys"] is sys, "math" in sys.modules or True)
import math
print("math" in sys.modules, type(sys.path).__name__, sys.path[0].rsplit("/", 1)[-1])
print(sys.builtin_module_names.__class__.__name__, "sys" in sys.builtin_module_names)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.flags.hash_randomization, sys.flags.isolated)
print(sys.dont_write_bytecode in (True, False), isinstance(sys.executable, str), sys.orig_argv[1:] if hasattr(sys, "orig_argv") else [])
