# sys.call_tracing runs a function with the hooks reporting even from inside a
# trace function (a debugger debugging its own command).
import sys

def inner(x):
    return x * 2

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    print(' ', event, name)
    if name == 'work' and event == 'call':
        print('  from the hook:', sys.call_tracing(inner, (21,)))
        print('  plain call from the hook:', inner(1))
    return tracer

def work():
    return 1

sys.settrace(tracer)
work()
sys.settrace(None)
for bad in [(inner, [1]), (inner,), (1, ())]:
    try:
        print(sys.call_tracing(*bad))
    except TypeError as e:
        print('TypeError', e)
