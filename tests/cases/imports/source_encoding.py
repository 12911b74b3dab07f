# Imported source files are decoded by their encoding declaration (PEP 263); bytes the
# encoding cannot decode are a SyntaxError (its position in the message is not compared).
import os, sys, tempfile
d = tempfile.mkdtemp()
sys.path.insert(0, d)
files = {
    'enc_latin1': b'# -*- coding: latin-1 -*-\nx = "\xe9\xff"\n',
    'enc_cp1252': b'# vim: set fileencoding=cp1252 :\nx = "\x80"\n',
    'enc_bom': b'\xef\xbb\xbfx = "\xc3\xa9"\n',
    'enc_bad': b'x = 1\ny = "b\xf6se"\n',
    'enc_bad_declared': b'# coding: utf-8\nx = "\xff"\n',
    'enc_unknown': b'# coding: no-such-codec\nx = 1\n',
}
for name, data in files.items():
    with open(os.path.join(d, name + '.py'), 'wb') as f:
        f.write(data)
for name in files:
    try:
        m = __import__(name)
        print(name, ascii(m.x))
    except SyntaxError as e:
        print(name, 'SyntaxError', e.msg.split(' in position')[0])
