class P:
    @property
    def value(self):
        return self.missing_attr
P().value
