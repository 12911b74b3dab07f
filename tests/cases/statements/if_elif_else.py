for x in (-2, 0, 3, 10):
    if x < 0:
        print(x, "neg")
    elif x == 0:
        print(x, "zero")
    elif x < 5:
        print(x, "small")
    else:
        print(x, "big")
