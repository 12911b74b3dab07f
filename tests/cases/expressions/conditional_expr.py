for x in range(4):
    print("even" if x % 2 == 0 else "odd", x if x else "zero")
f = lambda n: "neg" if n < 0 else "pos" if n > 0 else "0"
print(f(-1), f(0), f(1))
