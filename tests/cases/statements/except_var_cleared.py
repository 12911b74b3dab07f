try:
    raise ValueError("x")
except ValueError as err:
    print("in", err)
try:
    err
except NameError as e:
    print(type(e).__name__, e)
