# Standard library modules built on re.
import re
import string
import fnmatch
import textwrap

t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='ann'))
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
try:
    string.Template('$').substitute()
except ValueError as e:
    print('ValueError', e)
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.translate('a?[bc]*'))
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 3, 30))
print(textwrap.dedent('    a\n      b\n    c'), textwrap.fill('hello world again', 8))
print(re.sub(r'\s+', ' ', '  a\n\tb  c ').strip(), [w for w in re.split(r'\W+', 'Hello, World!') if w])
