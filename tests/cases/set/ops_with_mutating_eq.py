# Set operations whose elements' __eq__ clears or changes the sets involved: no
# crash, and at worst "changed size during iteration".
import random

rng = random.Random(5)
enabled = False


class Bad:
    def __eq__(self, other):
        if not enabled:
            return False
        if rng.randrange(20) == 0:
            set1.clear()
        if rng.randrange(20) == 0:
            set2.clear()
        return bool(rng.randrange(2))

    def __hash__(self):
        return rng.randrange(2)


ops = {
    'and': lambda a, b: a & b, 'or': lambda a, b: a | b, 'sub': lambda a, b: a - b,
    'xor': lambda a, b: a ^ b, 'le': lambda a, b: a <= b, 'eq': lambda a, b: a == b,
    'iand': lambda a, b: a.__iand__(b), 'isub': lambda a, b: a.__isub__(b),
    'ixor': lambda a, b: a.__ixor__(b), 'update': lambda a, b: a.update(b),
    'issubset': lambda a, b: a.issubset(b), 'isdisjoint': lambda a, b: a.isdisjoint(b),
    'fromkeys': lambda a, b: dict.fromkeys(a), 'intersection_list': lambda a, b: a.intersection(list(b)),
}
for name, op in ops.items():
    errors = 0
    for _ in range(12):
        enabled = False
        set1 = set(Bad() for _ in range(rng.randrange(50)))
        set2 = set(Bad() for _ in range(rng.randrange(50)))
        enabled = True
        try:
            op(set1, set2)
        except RuntimeError as e:
            assert 'changed size during iteration' in str(e), e
            errors += 1
    print(name, 'done')
