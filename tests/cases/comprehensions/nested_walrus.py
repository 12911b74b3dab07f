data = [1, 2, 3, 4]
print([y for x in data if (y := x * 3) > 5], y)
total = 0
print([total := total + v for v in data], total)
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print(type(e).__name__, e)
