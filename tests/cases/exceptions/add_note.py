try:
    e = ValueError("base")
    e.add_note("first note")
    e.add_note("second note")
    raise e
except ValueError as err:
    print(err.__notes__, str(err))
try:
    ValueError().add_note(5)
except TypeError as e:
    print(type(e).__name__, e)
e = KeyError("x")
print(hasattr(e, "__notes__"))
