# The writer: each quoting style, doubling or escaping quotes, special characters, None and non-str fields.
import _csv, io, decimal
def show(rows, **kw):
    s = io.StringIO()
    w = _csv.writer(s, **kw)
    try:
        for row in rows:
            r = w.writerow(row)
        print(kw, repr(s.getvalue()), r)
    except Exception as e:
        print(kw, repr(s.getvalue()), type(e).__name__, e)
rows = [["a", "b,c", 'd"e', "f\ng", "h\ri", None, 1, 2.5, True, "", " x "]]
show(rows)
show(rows, quoting=_csv.QUOTE_ALL)
show(rows, quoting=_csv.QUOTE_NONNUMERIC)
show([["a", 1, 2.5, decimal.Decimal("1.5"), None, 1j, True]], quoting=_csv.QUOTE_NONNUMERIC)
show(rows, quoting=_csv.QUOTE_NONE)
show(rows, quoting=_csv.QUOTE_NONE, escapechar="\\")
show(rows, doublequote=False)
show(rows, doublequote=False, escapechar="\\")
show([["a\\b", "c"]], escapechar="\\")
show([["a;b", "c,d"]], delimiter=";", lineterminator="\n")
show([["a\rb", "c\nd"]], lineterminator="\n")
show([["a|b"]], lineterminator="|")
show([["'q'", 'x']], quotechar="'")
show([[]])
show([[""]])
show([[None]])
show([[""]], quoting=_csv.QUOTE_NONE)
show([["", ""]], quoting=_csv.QUOTE_NONE)
show([("t", "u")])
show(["abc"])
show([range(3)])
show([1])
show([[object.__new__(type("Bad", (), {"__str__": lambda self: 1 / 0}))]])
s = io.StringIO()
w = _csv.writer(s)
print(w.writerows([["a"], ("b", "c"), []]), repr(s.getvalue()))
for f in [lambda: w.writerows(1), lambda: w.writerows([1]), lambda: w.writerow(), lambda: _csv.writer(1), lambda: _csv.writer(),
          lambda: _csv.Writer()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def write(self, line):
        print("write", repr(line))
        return 42
print(_csv.writer(F()).writerow(["x", "y"]))
print(type(w.dialect).__name__, w.dialect.delimiter)
