i = 0
while i < 5:
    i += 1
    if i == 10:
        break
else:
    print("no break", i)
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
else:
    print("never")
print("done", n)
