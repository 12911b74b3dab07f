# File names that are not UTF-8: str names hold U+DC80..U+DCFF (surrogateescape).
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(os.fsencode(d), b'a\xffb'), 'w') as f:
        f.write('x')
    names = os.listdir(d)
    print([repr(n) for n in names])
    p = os.path.join(d, names[0])
    print(os.path.exists(p), os.stat(p).st_size, os.fsencode(names[0]))
    with open(p) as f:
        print(f.read())
    print([repr(e.name) for e in os.scandir(d)], os.listdir(os.fsencode(d)))
    os.rename(p, os.path.join(d, 'c\udcfe'))
    print(os.listdir(os.fsencode(d)))
    try:
        open(os.path.join(d, '\ud800'))
    except UnicodeEncodeError as e:
        print(e)
os.environ['FERROPY_SURR'] = 'x\udcffy'
print(repr(os.environ['FERROPY_SURR']), os.environb[b'FERROPY_SURR'])
