for i in range(3):
    for j in range(3):
        if i == j == 1:
            print("found", i, j)
            break
    else:
        print("inner completed", i)
        continue
    print("inner broke", i)
for x in []:
    print("x")
else:
    print("empty else")
