value = "text"
print(f"{value:d}")
