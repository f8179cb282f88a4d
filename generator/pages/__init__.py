"""Page views: each page of each edition as plain data, every string already in the edition's language."""
