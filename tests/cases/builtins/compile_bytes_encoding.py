# compile() of bytes: BOM, PEP 263 encoding declarations, decoding errors.
for src in [b'# coding: foo\nx=1', b'x = \'\xe9\'', b'\n# -*- coding: latin-1 -*-\nx=\'\xe9\'', b'\xef\xbb\xbf# coding: latin-1\nx=1', b'x=1\n# coding: latin-1\ny=\'\xe9\'', b'\xef\xbb\xbfx=\'\xc3\xa9\'', b'#!/bin/python\n# vim: set fileencoding=cp1252 :\nx=\'\x80\'']:
    try: c = compile(src, 'f', 'exec'); ns = {}; exec(c, ns); print('ok', ns.get('x'), ns.get('y'))
    except SyntaxError as e: print("SyntaxError", e.msg.split(" in position")[0])
