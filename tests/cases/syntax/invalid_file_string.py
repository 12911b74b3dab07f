msg = "unterminated string
print(msg)
