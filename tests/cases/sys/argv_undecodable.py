# Undecodable command-line bytes reach sys.argv and sys.orig_argv as surrogates
# (surrogateescape), for -c and for a script.
import os, subprocess, sys, tempfile
code = 'import sys; print(ascii(sys.argv[1:]), ascii(sys.orig_argv[-2:]))'
r = subprocess.run([sys.executable, '-c', code, b'b\xfe', 'x\xe9'], capture_output=True)
print(r.returncode, r.stdout.decode().strip())
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 's.py')
    with open(p, 'w') as f:
        f.write(code)
    r = subprocess.run([sys.executable, p, b'\xff\xfe', b'ok'], capture_output=True)
    print(r.returncode, r.stdout.decode().strip())
