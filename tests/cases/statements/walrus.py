data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 4])
print(y)
while (v := data.pop()) != 2:
    print("popped", v)
print(data, v)
print((z := 10) + z)
