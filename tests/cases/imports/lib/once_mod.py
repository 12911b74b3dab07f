print("executing once_mod")
counter = 1
