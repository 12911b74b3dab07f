i, j = 0, 10
while i < j and (i + j) % 7 != 0:
    i += 1
    j -= 1
print(i, j)
found = None
for n in range(2, 50):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        found = n if n > 40 else found
        continue
print("last prime above 40:", found)
