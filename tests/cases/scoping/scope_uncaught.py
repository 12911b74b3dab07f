def outer():
    def inner():
        return count + 1
    result = inner()
    count = 0
    return result
outer()
