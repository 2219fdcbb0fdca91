answer b
