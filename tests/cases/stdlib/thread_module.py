# threading imports (subprocess, logging... need it) although Ferropy runs
# Python code on one thread (starting one fails with CPython's "can't start
# new thread" RuntimeError, docs/compat.md); start_new_thread checks its
# arguments first, as CPython does.
import _thread
import threading

print(threading.current_thread().name, threading.active_count())
print(type(threading.get_native_id()).__name__)
print(_thread.stack_size())
lock = _thread._set_sentinel()
print(type(lock).__name__, lock.locked())

for args in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
for bad in [-1, 100]:
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError", e)
print(_thread.stack_size(0))

