data = "naïve"
print(data.encode("ascii"))
