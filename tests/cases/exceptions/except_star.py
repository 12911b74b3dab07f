def run(excs):
    try:
        raise ExceptionGroup("group", excs)
    except* ValueError as eg:
        print("ValueError handler:", repr(eg.exceptions))
    except* TypeError as eg:
        print("TypeError handler:", repr(eg.exceptions))
run([ValueError(1), TypeError(2), ValueError(3)])
run([TypeError("only")])
try:
    run([KeyError("unhandled"), ValueError("h")])
except ExceptionGroup as eg:
    print("escaped:", repr(eg))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg))
