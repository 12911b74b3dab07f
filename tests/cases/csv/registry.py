# The dialect registry: register, get, list, unregister, and the module's constants.
import _csv
print(_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE, _csv.__version__)
print(_csv.list_dialects(), _csv._dialects)
print(_csv.register_dialect("semi", delimiter=";"))
d = _csv.get_dialect("semi")
print(type(d).__name__, d.delimiter, _csv.list_dialects())
_csv.register_dialect("colon", d, delimiter=":")
print(_csv.get_dialect("colon").delimiter, _csv.get_dialect("colon").quotechar)
_csv.register_dialect("same", d)
print(_csv.get_dialect("same") is d)
print(list(_csv.reader(["a;b"], "semi")), list(_csv.reader(["a:b"], dialect="colon")))
_csv.register_dialect("semi", delimiter="|")
print(_csv.get_dialect("semi").delimiter, sorted(_csv.list_dialects()))
print(_csv.unregister_dialect("semi"), sorted(_csv.list_dialects()))
for f in [lambda: _csv.get_dialect("semi"), lambda: _csv.unregister_dialect("semi"), lambda: _csv.register_dialect(1),
          lambda: _csv.register_dialect(), lambda: _csv.register_dialect("x", delimiter=1), lambda: _csv.register_dialect("a", "b", "c"),
          lambda: _csv.list_dialects(1), lambda: _csv.get_dialect(), lambda: _csv.get_dialect([]), lambda: _csv.register_dialect("y", 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(_csv.get_dialect("y").delimiter)
import csv
print(sorted(csv.list_dialects()), csv.get_dialect("excel-tab").delimiter == "\t")
