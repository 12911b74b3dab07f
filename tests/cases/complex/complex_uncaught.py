z = complex(1, 2)
print(z * 2)
print(z < 3)
