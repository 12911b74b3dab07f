try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("during handling") 
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("explicit") from e
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context") from None
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError()
e.__cause__ = KeyError("set manually")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print(type(err).__name__, err)
