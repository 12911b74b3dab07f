# Long non-ASCII subjects searched again and again, scanners over them, and a
# bytearray changed after a match (groups are read from its current contents).
import re

text = ('naïve café — ' * 40 + 'Ωmega ') * 5
print(len(text), text.count('é'))
for _ in range(3):
    print(re.search('Ω(\\w+)', text).span(1), len(re.findall('é', text)), re.search('é', text, ).start())
print(re.sub('é', 'e', text)[:40], re.subn(r'\s+', '_', text)[1], re.split('—', text)[1:3])
print([m.span() for m in re.finditer('Ωmega', text)], re.compile('mega').search(text, 700).start())
it = re.compile(r'\w+').finditer(text, 690, 720)
print([m.group() for m in it])
s = re.compile(r'(é)|(Ω)').scanner(text)
print([s.search().lastindex for _ in range(4)])
print(re.match('(?s).*Ω', text).end(), re.fullmatch('(?:naïve café — ){40}Ωmega .*', text, re.S) is not None)
ba = bytearray(b'aaabbbccc')
m = re.search(b'b+', ba)
ba[:] = b'xyzuvw'
print(m.span(), m.group(), m.string, m.groups(), re.search(b'b+', ba))
