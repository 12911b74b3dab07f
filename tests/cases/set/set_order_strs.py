# String sets are ordered by siphash13 (PYTHONHASHSEED=0 in the test harness).
words = ["apple", "pear", "fig", "banana", "kiwi", "a", "b", "c", "cherry", "date"]
print(set(words))
s = set()
for w in words:
    s.add(w)
print(s, frozenset(words[:4]))
print(set("hello world"), frozenset("abracadabra"))
print({w.upper() for w in words}, {w[:2] for w in words})
print(sorted(set(words)) == sorted(words), list(set(["x", "y", "z"])))
print(set(str(i) for i in range(25)))
print(set(dict.fromkeys(["q", "w", "e", "r", "t", "y"])))
