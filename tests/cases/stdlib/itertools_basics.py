from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
                       groupby, islice, starmap, tee, zip_longest, product, permutations,
                       combinations, combinations_with_replacement, pairwise, filterfalse)
import operator
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)))
print(repr(count(5)), repr(count(0, 2)), repr(repeat("a", 3)), repr(repeat(None)))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(repeat(7, 3)), list(repeat(1, -2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, [[1, 2]])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g), end="; ")
print()
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([k for k, g in groupby([1, 2, 3, 5, 6], key=lambda x: x // 2)])
gs = list(groupby("aabb"))
print([(k, list(g)) for k, g in gs])
a, b = tee(range(5))
print(list(a), list(b), len(tee("x", 3)), tee([], 0))
a, b = tee(iter(range(200)))
print(sum(a), next(b), list(b)[-1])
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [])), list(zip_longest()))
print(list(product("ab", range(2))), list(product(range(2), repeat=2)), list(product()), list(product([], [1])))
print(list(permutations(range(3))), list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations([1, 2], 3)), list(combinations([], 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 1)), list(combinations_with_replacement([], 0)))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
for f in (lambda: islice([], -1), lambda: islice([], 0, 1, 0), lambda: islice([], "a"), lambda: combinations([], -1),
          lambda: count("a"), lambda: repeat(), lambda: tee([], -1), lambda: product([], repeat=-1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
it = count()
print(next(it), next(it), type(it).__name__, iter(it) is it, isinstance(it, count))
print(list(map(len, repeat("ab", 3))), repeat(1, 4).__length_hint__())
