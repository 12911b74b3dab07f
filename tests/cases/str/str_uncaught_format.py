template = "{name} is {age}"
print(template.format(name="Ann", age=3))
print(template.format(name="Bob"))
