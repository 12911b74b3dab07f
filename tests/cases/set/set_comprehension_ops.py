evens = {x for x in range(10) if x % 2 == 0}
print(evens, 4 in evens, len(evens), {x % 3 for x in evens}, evens - {0, 2}, evens & {2, 3, 4})
s = set()
s.add(1); s.add(1); s.update({2, 3}, [4])
print(s, s.discard(10), s.remove(4), s)
print(max(s), min(s), sum(s), sorted(s, reverse=True), set(range(3)) == {0, 1, 2}, {1, 2} | {3} - {1})
