ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b"??")
ba += b"!"
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.insert(1, 65); ba.remove(ord("?"))
print(ba, ba.find(b"l"), ba.upper(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba[1:3] = b"XYZ"
del ba[0]
print(ba, ba.decode(), ba[::-1], bytes(ba), ba == b"XYZlo!?", ba.copy() is not ba)
ba.reverse(); print(ba)
ba.clear(); print(ba, repr(bytearray(b"'")))
