try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert []
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
assert True, "unused"
print("ok")
