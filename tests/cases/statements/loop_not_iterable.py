try:
    for x in 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
for x in None:
    pass
