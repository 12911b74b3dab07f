# buffering=1 asks for line buffering, which binary files do not have: a warning.
import os
import tempfile
import warnings

path = os.path.join(tempfile.mkdtemp(), 'f.bin')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    for b in (-1, 0, 1, 512):
        with open(path, 'wb', b) as f:
            f.write(b'x')
    with open(path, 'r', 1) as f:
        print(f.line_buffering, f.read())
for x in w:
    print(x.category.__name__, x.message)
warnings.simplefilter('error')
try:
    open(path, 'rb', 1)
except RuntimeWarning as e:
    print('raised:', e)
os.remove(path)
