payload = b"data"
text = payload + "more"
