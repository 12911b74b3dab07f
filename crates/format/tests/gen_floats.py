# Generates tests/data/floats.tsv: float bits, repr, hex and format() outputs (CPython 3.11).
import random, struct
random.seed(1234)
SPECS = ['', '.0e', '.3e', '.16e', '.0f', '.2f', '.20f', 'g', '.1g', '.3g', '.17g', '#g', '#.3g',
         '.3', '.12', '%', 'z.1f', '.3E', 'G', '#.0e', '#.0f', '.3%', '+.5', ' e', 'n', '#', '.0', '#.0']
def rand_floats():
    out = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.0001, 0.00012,
           5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308, float('inf'), float('-inf'), float('nan'),
           123456789.0, 1e22, 1e23, 2**53, 2**63, 0.3, 2/3, 100.0, 1e100, 0.125, 0.375, 1234.5, 999.5, 9.5, 0.05, 0.15]
    for _ in range(800):
        out.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
    for _ in range(800):
        out.append(round(random.uniform(-1000, 1000), random.randint(0, 6)) * 10.0 ** random.randint(-20, 20))
    for _ in range(400):
        out.append(random.randint(-10**6, 10**6) / 8.0 * 10 ** random.randint(-3, 18))
    return out
with open('tests/data/floats.tsv', 'w') as f:
    f.write('#bits\trepr\thex\t' + '\t'.join(SPECS) + '\n')
    for x in map(float, rand_floats()):
        bits = struct.unpack('<Q', struct.pack('<d', x))[0]
        f.write('%016x\t%r\t%s\t%s\n' % (bits, x, x.hex(), '\t'.join(format(x, s) for s in SPECS)))
