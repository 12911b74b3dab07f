# str.replace keeps lone surrogates of the receiver, with or without a match.
s = '\ud8ff'
print(ascii(s.replace("&", "&amp;")), ascii(s.replace("a", "b", 1)), ascii(s.replace("\ud8ff", "y")))
print(ascii("a\ud8ffb".replace("a", "c")), ascii("a\udcffb&".replace("&", "&amp;")), ascii("\ud800".replace("", "-")))
