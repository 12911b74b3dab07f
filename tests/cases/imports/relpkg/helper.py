VALUE = "helper value"
