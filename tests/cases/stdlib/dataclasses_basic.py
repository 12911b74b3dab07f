import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError


@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)

@dataclass(frozen=True)
class F:
    a: str
    b: float = 1.5

p, q = P(1, 2), P(1, 3)
print(p, p == P(1, 2), p < q, sorted([q, p]))
print(asdict(p), astuple(q), replace(p, y=9))
print([f.name for f in fields(P)])
f = F("s")
print(f, hash(f) == hash(F("s")))
try:
    f.a = "t"
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(dataclasses.is_dataclass(p), P.__match_args__)

