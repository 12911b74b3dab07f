flags = [True, False]
print(sum(flags))
print(True + "1")
