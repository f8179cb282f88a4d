"""Reading data/: each YAML file with the line of every value, checked against its schema, into one typed Plan."""
