with open("no_such_input_file.txt") as f:
    print(f.read())
