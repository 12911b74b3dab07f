# A precision far beyond a double's exact expansion pads with zeros.
print(len('%12.*f' % (123456, 1.0)), ('%.*f' % (70000, 0.1))[:30], ('%.*f' % (70000, 0.1))[-3:])
print(len(format(1e-300, '.70000e')), format(2.5, '.70000g'), len('%.*e' % (66000, 1/3)))
print(len(f'{1/3:.100000f}'), f'{1/3:.100000f}'.rstrip('0')[-5:])
