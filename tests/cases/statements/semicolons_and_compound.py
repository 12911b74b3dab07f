x = 1; y = 2; print(x + y)
if x: print("one-line if"); print("second")
for i in range(2): print("loop", i)
while x < 3: x += 1
print(x)
