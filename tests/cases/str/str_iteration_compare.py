s = "hé€😀"
print(list(s), len(s), [ord(c) for c in s], s[1:3], s[-1], "😀" in s, s.encode("utf-8"), len(s.encode("utf-8")))
print("a" < "á" < "b", sorted(["b", "A", "a", "B", "é"]), "abc" == "ab" + "c")
print(str.__len__("xyz"), "x".__add__("y"), "ab".__mul__(2), "ab".__contains__("b"), "Ab".__eq__("Ab"), "x".__ne__(1))
