def configure(*, host, port=80):
    return host, port
print(configure(host="x"))
print(configure("localhost"))
