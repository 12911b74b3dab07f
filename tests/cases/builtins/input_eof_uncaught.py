line = input("prompt> ")
print("never", line)
