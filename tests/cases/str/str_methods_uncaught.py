words = "a,b,c".split(",")
print("-".join(words))
print(", ".join([1, 2, 3]))
