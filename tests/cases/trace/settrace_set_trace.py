# What debuggers do: set f_trace on frames already running, then settrace; a
# trace function's error; f_trace_lines; returning None from 'call'.
import sys

def show(frame, event, arg):
    print(' ', event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno)
    return show

def set_trace():
    frame = sys._getframe().f_back
    while frame:
        frame.f_trace = show
        frame = frame.f_back
    sys.settrace(show)

def helper():
    return 1

def work():
    a = 1
    set_trace()
    b = a + helper()
    sys.settrace(None)
    c = 3
    return b

print('set_trace:', work())

def quiet(frame, event, arg):
    if event == 'call':
        print('  call', frame.f_code.co_name)
        return None
    print('  unexpected', event)

def two():
    x = 1
    return x
sys.settrace(quiet)
two()
sys.settrace(None)

class Stop(Exception):
    pass

def failing(frame, event, arg):
    if event == 'line' and frame.f_lineno - frame.f_code.co_firstlineno == 2:
        raise Stop('from trace')
    return failing

def victim():
    a = 1
    b = 2
    c = 3
    return a + b + c
sys.settrace(failing)
try:
    victim()
except Stop as e:
    print('caught', repr(e), sys.gettrace())

def call_fails(frame, event, arg):
    raise Stop('at call')
sys.settrace(call_fails)
try:
    victim()
except Stop as e:
    print('caught', repr(e), sys.gettrace())

def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    print(' ', event, frame.f_code.co_name)
    return no_lines
sys.settrace(no_lines)
victim()
sys.settrace(None)

def gettrace_inside(frame, event, arg):
    print('  inside:', sys.gettrace() is gettrace_inside)
sys.settrace(gettrace_inside)
helper()
print(sys.gettrace() is gettrace_inside)
sys.settrace(None)
print(sys._getframe().f_trace.__name__, sys._getframe().f_trace_lines, sys._getframe().f_trace_opcodes)
try:
    sys._getframe().f_trace_lines = 1
except TypeError as e:
    print('TypeError', e)
try:
    sys.settrace()
except TypeError as e:
    print('TypeError', e)
