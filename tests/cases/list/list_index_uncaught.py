stack = []
stack.append(1)
stack.pop()
stack.pop()
